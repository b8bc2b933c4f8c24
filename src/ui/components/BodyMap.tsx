import type { KeyboardEvent } from 'react'

/**
 * A picture of the lower leg to tap where it hurts: the leg from behind (calf and tendon) and the
 * heel from the side (where the tendon joins the heel, the back of the heel, under the heel, the
 * ankle bone). It draws a region only for an option value it knows that the question offers, so
 * the same picture serves any multiple-choice question with `picture: 'leg'`.
 *
 * Each region is a checkbox of its own (tap, or Space / Enter when focused); the question's
 * checkbox list stays beside it, and both show the same answer.
 */
interface Props {
  options: { value: string; label: string }[]
  selected: string[]
  onToggle: (value: string) => void
  /** The id of an element that names the picture, in place of its own name. */
  labelledBy?: string
}

export const BODY_MAP_NAME = 'Picture of the back of the leg and the heel: tap where it hurts'

/** a closed ellipse as path data */
const oval = (cx: number, cy: number, rx: number, ry: number) =>
  `M${cx - rx} ${cy}a${rx} ${ry} 0 1 0 ${2 * rx} 0a${rx} ${ry} 0 1 0 ${-2 * rx} 0Z`

/** a rectangle with fully rounded ends, as path data */
const pill = (x: number, y: number, w: number, h: number) => {
  const r = h / 2
  return `M${x + r} ${y}h${w - h}a${r} ${r} 0 0 1 0 ${h}h${h - w}a${r} ${r} 0 0 1 0 ${-h}Z`
}

/**
 * Every region the picture knows, in viewBox units (the picture is 280 wide, so at its full width
 * one unit is one CSS pixel). `at` is where the tick goes when it is chosen. The regions do not
 * overlap, so a tap always lands on exactly one.
 */
const regions: Record<string, { d: string; at: [number, number] }> = {
  // From behind: the two heads of the calf muscle, down to where they become the tendon.
  calf: { d: 'M68 40C46 30 24 54 26 88C28 116 46 136 64 150H72C90 136 108 116 110 88C112 54 90 30 68 40Z', at: [68, 92] },
  // A lump on the tendon, just below the calf.
  lump: { d: oval(68, 172, 22, 16), at: [68, 172] },
  // The tendon a few finger-widths above the heel.
  'mid-tendon': { d: pill(46, 194, 44, 42), at: [68, 215] },
  // From the side: where the tendon joins the heel bone, the back of the heel, under it, the ankle bone.
  insertion: { d: oval(170, 210, 21, 18), at: [170, 210] },
  bump: { d: oval(157, 252, 17, 20), at: [157, 252] },
  'under-heel': { d: pill(150, 277, 70, 26), at: [185, 290] },
  ankle: { d: oval(212, 204, 18, 18), at: [212, 204] },
}

/** the leg from behind: below the knee to the floor */
const backOutline =
  'M26 26C14 56 10 92 20 124C28 152 46 170 48 194C49 212 42 222 44 238C46 252 44 264 48 276C52 286 60 290 68 290C76 290 84 286 88 276C92 264 90 252 92 238C94 222 87 212 88 194C90 170 108 152 116 124C126 92 122 56 110 26Z'
/** the tendon, narrowing from the calf into the heel */
const backTendon = 'M58 150C62 172 62 210 60 244C60 254 62 262 68 264C74 262 76 254 76 244C74 210 74 172 78 150Z'
/** the lower leg and the back of the foot from the outer side, toes to the right (the foot runs on out of the picture) */
const sideOutline =
  'M160 26C148 56 146 96 156 130C162 152 174 166 174 188C174 204 170 214 162 226C152 240 146 258 150 274C154 286 164 290 178 290H300V254C280 248 258 238 246 220C238 208 234 196 233 170C232 120 230 66 228 26Z'
const sideTendon = 'M163 150C170 166 174 178 174 190C174 204 170 214 164 224'

const tick = ([x, y]: [number, number]) => `M${x - 7} ${y}l5 5l9-10`

export function BodyMap({ options, selected, onToggle, labelledBy }: Props) {
  const shown = options.filter((o) => Object.hasOwn(regions, o.value))
  const onKeyDown = (value: string) => (e: KeyboardEvent) => {
    if (e.key !== ' ' && e.key !== 'Enter') return
    // Space would scroll the page; a held key toggles once.
    e.preventDefault()
    if (!e.repeat) onToggle(value)
  }
  return (
    <div
      role="group"
      aria-label={labelledBy ? undefined : BODY_MAP_NAME}
      aria-labelledby={labelledBy}
      className="mx-auto w-full max-w-70"
    >
      <svg viewBox="0 0 280 306" className="block h-auto w-full select-none" focusable="false">
        <g aria-hidden="true">
          <text x="68" y="15" textAnchor="middle" className="fill-slate-700 text-[13px]">
            From behind
          </text>
          <text x="206" y="15" textAnchor="middle" className="fill-slate-700 text-[13px]">
            From the side
          </text>
          <path d="M0 290.5H280" className="stroke-slate-300" strokeWidth="1" />
          <path d={backOutline} className="fill-orange-50 stroke-slate-500" strokeWidth="1.5" />
          <path d={backTendon} className="fill-orange-100 stroke-slate-400" strokeWidth="1" />
          <path d={sideOutline} className="fill-orange-50 stroke-slate-500" strokeWidth="1.5" />
          <path d={sideTendon} className="fill-none stroke-slate-400" strokeWidth="1.5" />
        </g>
        {shown.map(({ value, label }) => {
          const on = selected.includes(value)
          const { d, at } = regions[value]!
          return (
            <g
              key={value}
              role="checkbox"
              aria-checked={on}
              aria-label={label}
              tabIndex={0}
              data-region={value}
              className="group cursor-pointer touch-manipulation outline-none"
              onClick={() => onToggle(value)}
              onKeyDown={onKeyDown(value)}
            >
              <path
                d={d}
                strokeWidth="2"
                className={
                  (on ? 'fill-brand-600 stroke-brand-800' : 'fill-brand-100/70 stroke-brand-700 group-hover:fill-brand-100') +
                  ' group-focus-visible:stroke-amber-500 group-focus-visible:[stroke-dasharray:none] group-focus-visible:[stroke-width:5px]'
                }
                strokeDasharray={on ? undefined : '5 3'}
              />
              {on && <path d={tick(at)} className="pointer-events-none fill-none stroke-white" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round" />}
            </g>
          )
        })}
      </svg>
    </div>
  )
}
