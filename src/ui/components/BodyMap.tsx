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

/** a rectangle with rounded corners, as path data */
const box = (x: number, y: number, w: number, h: number, r: number) =>
  `M${x + r} ${y}h${w - 2 * r}a${r} ${r} 0 0 1 ${r} ${r}v${h - 2 * r}a${r} ${r} 0 0 1 ${-r} ${r}h${2 * r - w}a${r} ${r} 0 0 1 ${-r} ${-r}v${2 * r - h}a${r} ${r} 0 0 1 ${r} ${-r}Z`

/**
 * Every region the picture knows, in viewBox units (the picture is 280 wide, so at its full width
 * one unit is one CSS pixel). `at` is where the tick goes when it is chosen. The regions do not
 * overlap, so a tap always lands on exactly one.
 */
const regions: Record<string, { d: string; at: [number, number] }> = {
  // From behind: the two heads of the calf muscle, down to where they become the tendon.
  calf: { d: 'M60 38C44 30 18 54 20 92C22 120 40 140 56 154H64C80 140 98 120 100 92C102 54 76 30 60 38Z', at: [60, 94] },
  // A lump on the tendon, just below the calf.
  lump: { d: oval(60, 176, 21, 16), at: [60, 176] },
  // The tendon a few finger-widths above the heel.
  'mid-tendon': { d: box(41, 198, 38, 46, 16), at: [60, 221] },
  // From the side: where the tendon joins the heel bone, the back of the heel, under it, the ankle bone.
  insertion: { d: oval(168, 222, 18, 16), at: [168, 222] },
  bump: { d: oval(158, 258, 16, 17), at: [158, 258] },
  'under-heel': { d: box(152, 279, 72, 26, 13), at: [188, 292] },
  ankle: { d: oval(208, 192, 17, 17), at: [208, 192] },
}

/** the leg from behind, below the knee to the floor */
const backOutline =
  'M22 26C12 58 8 96 16 126C24 154 40 172 42 196C43 212 36 226 37 240C38 252 38 264 41 276C44 286 52 290 60 290C68 290 76 286 79 276C82 264 82 252 83 240C84 224 77 212 78 196C80 172 96 154 104 126C112 96 108 58 98 26Z'
/** the front of the foot, showing either side of the heel */
const backFoot = 'M24 290C22 280 30 272 44 272H76C90 272 98 280 96 290Z'
/** the tendon, narrowing from the calf into the heel */
const backTendon = 'M52 150C55 172 55 212 54 246C54 258 56 266 60 268C64 266 66 258 66 246C65 212 65 172 68 150Z'
/** the lower leg and the back of the foot from the outer side, toes to the right (the foot runs on out of the picture) */
const sideOutline =
  'M166 26C152 60 150 100 160 134C166 156 176 170 177 190C178 204 174 214 166 224C156 236 150 254 153 272C156 284 164 290 178 290H300V256C282 252 258 244 244 230C234 220 230 206 229 186C228 130 228 70 228 26Z'

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
      <svg viewBox="0 0 280 308" className="block h-auto w-full touch-manipulation select-none">
        <g aria-hidden="true">
          <text x="60" y="15" textAnchor="middle" className="fill-slate-700 text-[13px]">
            From behind
          </text>
          <text x="200" y="15" textAnchor="middle" className="fill-slate-700 text-[13px]">
            From the side
          </text>
          <path d="M0 290.5H280" className="stroke-slate-300" strokeWidth="1" />
          <path d={backFoot} className="fill-orange-50 stroke-slate-500" strokeWidth="1.5" />
          <path d={backOutline} className="fill-orange-50 stroke-slate-500" strokeWidth="1.5" />
          <path d={backTendon} className="fill-orange-100 stroke-slate-400" strokeWidth="1" />
          <path d={sideOutline} className="fill-orange-50 stroke-slate-500" strokeWidth="1.5" />
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
              className="group cursor-pointer outline-none"
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
