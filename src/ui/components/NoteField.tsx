import { useId } from 'react'

/**
 * The person's own questions for their practitioner. Plain text only: it is stored, shown and
 * printed as text, never as markup, and keeps its own writing direction.
 */
export function NoteField({ value, maxLength, onChange }: { value: string; maxLength: number; onChange: (text: string) => void }) {
  const id = useId()
  const left = maxLength - value.length
  return (
    <div>
      <label htmlFor={id} className="text-xl font-bold text-slate-900">
        What I want to ask
      </label>
      <p id={`${id}-hint`} className="mt-1 text-slate-700">
        Write down anything you want to ask your practitioner. It is printed on your summary and stays on this device.
      </p>
      <textarea
        id={id}
        aria-describedby={`${id}-hint ${id}-count`}
        dir="auto"
        rows={5}
        maxLength={maxLength}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="mt-2 block w-full rounded-lg border-2 border-slate-500 bg-white p-3 text-base text-slate-900 [unicode-bidi:plaintext]"
      />
      <p id={`${id}-count`} className="mt-1 text-sm text-slate-700">
        {left === maxLength ? `Up to ${maxLength.toLocaleString('en-GB')} characters.` : `${left.toLocaleString('en-GB')} characters left.`}
      </p>
    </div>
  )
}
