import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'
import { buildDefines } from './scripts/buildInfo.ts'

// Kept apart from vite.config.ts so the build-only plugins stay out of the tests.
export default defineConfig({
  plugins: [react()],
  define: buildDefines(),
  test: {
    environment: 'jsdom',
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/unit/setup.ts'],
  },
})
