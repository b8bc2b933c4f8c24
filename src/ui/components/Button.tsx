import type { ButtonHTMLAttributes, Ref } from 'react'

const looks = {
  primary: 'bg-brand-700 text-white hover:bg-brand-800',
  secondary: 'bg-white text-brand-700 ring-2 ring-inset ring-brand-700 hover:bg-brand-50',
  quiet: 'text-brand-700 underline underline-offset-4 hover:text-brand-800',
  danger: 'bg-red-700 text-white hover:bg-red-800',
}

/** A large tap target, in one of a few looks. */
export function Button({
  look = 'primary',
  className = '',
  ref,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { look?: keyof typeof looks; ref?: Ref<HTMLButtonElement> }) {
  return (
    <button
      ref={ref}
      type="button"
      className={`min-h-12 rounded-lg px-5 py-3 text-base font-semibold print:hidden ${looks[look]} ${className}`}
      {...props}
    />
  )
}
