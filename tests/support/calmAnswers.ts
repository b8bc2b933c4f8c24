/**
 * Every required screening question answered with its all-clear, in scope: a person with no warning
 * signs. Shared by the unit and the browser tests, written out by hand.
 */
export const calmAnswers = {
  'scope.age': '16-plus',
  'scope.surgery': 'no',
  'scope.where': ['mid-tendon'],
  'scope.side': 'left',
  'urgent.snap': 'no',
  'urgent.weightNow': 'normal',
  'urgent.calf': 'no',
  'urgent.heel': ['neither'],
  'urgent.fever': 'no',
  'urgent.medicines': ['none'],
  'soon.signs': ['none'],
}
