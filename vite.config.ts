import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

const server = process.env.PENHOLDER_SERVER ?? 'http://127.0.0.1:8787'
// In development Vite serves the client and proxies the API and the collaboration socket.
const proxy = {
  '/api': { target: server },
  '/collab': { target: server, ws: true },
}

export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: { outDir: '../dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy },
  test: {
    root: '.',
    include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'client/**/*.test.{ts,tsx}', 'test/reliability/**/*.test.ts'],
    testTimeout: 20_000,
  },
})
