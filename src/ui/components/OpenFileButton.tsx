import { useRef, type ComponentProps } from 'react'
import { Button } from './Button'

/**
 * "Open answers from a file": a real button (reachable and usable by keyboard) that opens the
 * platform's file chooser through a hidden file input. The same file can be chosen twice in a row.
 */
export function OpenFileButton({ onFile, ...button }: Omit<ComponentProps<typeof Button>, 'onClick' | 'children'> & { onFile: (file: File) => void }) {
  const input = useRef<HTMLInputElement>(null)
  return (
    <>
      <Button {...button} onClick={() => input.current?.click()}>
        Open answers from a file
      </Button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        className="sr-only"
        tabIndex={-1}
        aria-label="Choose a file of saved answers"
        onChange={(e) => {
          const file = e.target.files?.[0]
          e.target.value = ''
          if (file) onFile(file)
        }}
      />
    </>
  )
}
