import { defineConfig } from 'drizzle-kit';

// Only `generate` is used (it reads the schema, not a database); migrations are
// applied by our own migrator at start-up and by `pnpm db:migrate`.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema/index.ts',
  out: './migrations',
  casing: 'snake_case',
});
