import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The dashboard's build. `npm run build -w @concord/web` (run by the root
 * postinstall) writes dist/, which the node serves at `/`. `npx vite` in
 * this folder serves the sources with hot reload and sends /api to a node
 * running on port 8080.
 */
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    // Hashed file names under assets/ let the node cache them for a year.
    assetsDir: 'assets',
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
});
