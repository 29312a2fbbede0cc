import { randomBytes } from 'node:crypto';

/**
 * Opaque ids shaped like Exchange's (base64, url-safe here so they need no escaping in
 * paths). They never change when a message moves: the sandbox always behaves as if the
 * client sent `Prefer: IdType="ImmutableId"`, which is what firmly sends.
 */
const opaque = (prefix: string, bytes: number) => `${prefix}${randomBytes(bytes).toString('base64url')}`;

export const newMessageId = () => opaque('AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0A', 18);
export const newConversationId = () => opaque('AAQkAD', 18);
export const newFolderId = () => opaque('AAMkAGFolder', 12);
export const newChangeKey = () => randomBytes(12).toString('base64');
/** The right-hand side of Message-IDs the sandbox invents (drafts, MIME without one). */
export const newInternetMessageId = () => `<${randomBytes(12).toString('hex')}@sandbox.outlook.localhost>`;
