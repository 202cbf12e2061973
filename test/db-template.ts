import pg from 'pg';

/**
 * The owner role's connection string when the suite runs as the app role (MIGRATION_DATABASE_URL,
 * decision 0019): it creates, migrates, seeds, clones and drops the test databases. Without it,
 * DATABASE_URL does everything.
 */
export function ownerUrlOf(databaseUrl: string): string {
  return process.env.MIGRATION_DATABASE_URL || databaseUrl;
}

/** Admin connection string: same server as DATABASE_URL, maintenance database `postgres`. */
export function adminUrlOf(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  return url.toString();
}

export function withDatabase(databaseUrl: string, name: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function adminQuery(databaseUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrlOf(databaseUrl) });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
