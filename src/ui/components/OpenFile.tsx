import { useState, type ComponentProps } from 'react'
import { OpenFileButton } from './OpenFileButton'
import { ReplaceAnswersDialog } from './ReplaceAnswersDialog'

/** What reading a chosen file gave: why it was refused, or how to bring it in and whether that replaces answers. */
export type FileRead = { refused: string } | { apply: () => unknown; replaces: boolean }

/**
 * "Open answers from a file", wherever it is offered: reads the file, says plainly why it was
 * refused, and asks first when its answers would take the place of answers already here.
 */
export function OpenFile({ onRead, ...button }: Omit<ComponentProps<typeof OpenFileButton>, 'onFile'> & { onRead: (file: File) => Promise<FileRead> }) {
  const [refused, setRefused] = useState<string | null>(null)
  const [pending, setPending] = useState<(() => void) | null>(null)
  const read = async (file: File) => {
    setRefused(null)
    const result = await onRead(file)
    if ('refused' in result) return setRefused(result.refused)
    if (result.replaces) setPending(() => () => void result.apply())
    else result.apply()
  }
  return (
    <>
      <OpenFileButton {...button} onFile={(file) => void read(file)} />
      <div role="alert" className="basis-full">
        {refused && <p className="mt-3 rounded-lg border-2 border-red-700 bg-white p-3 text-slate-900">{refused}</p>}
      </div>
      <ReplaceAnswersDialog pending={pending} onClose={() => setPending(null)} />
    </>
  )
}
