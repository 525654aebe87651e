import { defineConfig } from 'drizzle-kit';

// Migrations are generated offline from the tables of every module and the platform.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/platform/*/tables.ts', './src/modules/*/tables.ts'],
  out: './drizzle',
});
