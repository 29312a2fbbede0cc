import { issueApiKey } from '@firmly/config';
import { type Database, schema } from '@firmly/db';

/** A workspace with its owner and an API key: the `Authorization` header an API test sends. */
export async function operatorKey(db: Database, slug: string) {
  const [ws] = await db.insert(schema.workspaces).values({ slug, name: slug }).returning();
  if (!ws) throw new Error('no workspace');
  const [operator] = await db
    .insert(schema.operators)
    .values({ workspaceId: ws.id, email: `owner@${slug}.example`, name: 'Owner', role: 'owner' })
    .returning();
  if (!operator) throw new Error('no operator');
  const key = issueApiKey();
  await db
    .insert(schema.apiKeys)
    .values({ workspaceId: ws.id, operatorId: operator.id, name: 'test', prefix: key.prefix, keyHash: key.hash });
  return { workspaceId: ws.id, operatorId: operator.id, auth: { authorization: `Bearer ${key.token}` } };
}
