/**
 * The entry point: as small as it can be. The built page already shows the welcome screen, with its
 * styles inline (scripts/prerenderWelcome.ts), so nothing here is needed to paint it. The app itself
 * (src/boot.tsx) is fetched once the first frame is on screen: on a slow phone, a request that starts
 * before the first paint delays it. docs/decisions/006-interaction-speed.md.
 */
import { START_NOTICE_ID } from './pwa/startNotice'
import { holdEarlyPresses } from './ui/earlyPresses'
import './index.css'

// A press on Start before the app has started is kept, and pressed again once it has.
holdEarlyPresses()

let booted = false
const boot = () => {
  if (booted) return
  booted = true
  import('./boot').catch(() => {
    // It could not be fetched or is damaged: say so now rather than after the notice's delay.
    const notice = document.getElementById(START_NOTICE_ID)
    if (notice) {
      notice.style.animation = 'none'
      notice.style.visibility = 'visible'
    }
  })
}
// After the first frame; a tab opened in the background draws no frames, so a timer backs it up.
requestAnimationFrame(() => setTimeout(boot))
setTimeout(boot, 100)
