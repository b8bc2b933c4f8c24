/** The day a golden case is answered on when it names none: the cases' event dates count from it. */
export const CASE_DEFAULT_TODAY = '2026-11-24'
