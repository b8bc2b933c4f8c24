/**
 * Moving the person's record on and off this device: saving it as a file, and deleting every
 * trace of it. The file formats themselves live in exportFile.ts and importFile.ts.
 */

/** hands a text file to the browser's downloads, with no network involved */
export function downloadText(filename: string, text: string, type = 'application/json') {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
  // The download has its own copy once it starts; don't keep the answers around in memory.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** Workbox keeps the app's own files (no answers) under this prefix: they stay, so the app still works offline. */
const APP_FILES_CACHE = 'workbox-precache'

/**
 * Removes everything this app stored about the person on this device: local and session storage
 * (answers, note, position, any copy set aside as unreadable) and any cache that is not the
 * app's own files. The caller resets the in-memory state. Each place is cleared on its own: one
 * that cannot be reached (storage blocked, as in some private modes, where nothing was kept) does
 * not stop the others.
 */
export async function deleteDeviceData() {
  await Promise.allSettled(
    [
      () => localStorage.clear(),
      () => sessionStorage.clear(),
      async () => {
        if (!('caches' in window)) return
        const names = await caches.keys()
        await Promise.all(names.filter((name) => !name.startsWith(APP_FILES_CACHE)).map((name) => caches.delete(name)))
      },
    ].map(async (step) => step()),
  )
}
