/**
 * What the built page says when its main script never starts: the script is missing or damaged
 * in the offline copy and cannot be fetched again, or it is still loading after several seconds.
 * The prerendered welcome screen looks ready then, but none of its buttons would work.
 *
 * scripts/prerenderWelcome.ts puts this into the built page, hidden; the page's own stylesheet
 * shows it after START_NOTICE_DELAY, and the main script (src/boot.tsx) removes it as soon as it
 * runs. So it needs no script to appear, and its reload is a plain link, which works with no
 * script at all and under the strict policy. It is fixed to the bottom of the screen, so showing
 * it moves nothing on the page.
 */
export const START_NOTICE_ID = 'start-notice'

/** Long enough for a slow connection to bring the script on a first visit; short enough that a person is not left tapping dead buttons. */
const START_NOTICE_DELAY = '5s'

export const startNoticeHtml = `<div id="${START_NOTICE_ID}" role="alert" class="fixed inset-x-0 bottom-0 z-50 border-t-4 border-amber-500 bg-amber-50 shadow-lg print:hidden">
      <div class="mx-auto max-w-2xl px-4 py-4 sm:px-6">
        <p class="text-lg font-bold text-slate-900">The check has not started</p>
        <p class="mt-1 text-slate-900">Part of the app may be missing or damaged on this device, or it is still loading. Reload the page to try again. If you are offline, connect to the internet first. Your answers are still on this device.</p>
        <a href="/" class="mt-3 inline-flex min-h-12 items-center rounded-lg bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-800">Reload the page</a>
      </div>
    </div>`

/** Hidden at first, shown after the delay: CSS alone, since the script may never run. */
export const startNoticeCss = `#${START_NOTICE_ID}{visibility:hidden;animation:start-notice 0s ${START_NOTICE_DELAY} forwards}@keyframes start-notice{to{visibility:visible}}`
