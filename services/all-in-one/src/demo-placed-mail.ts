import { DEMO_MAILBOX, demoClients } from './demo-clients';
import { type DemoMessage, demoMailScript } from './demo-mail-script';
import { DemoTimeline } from './demo-timeline';

/** A scripted message on the demo's real time line, with its sender, recipient and thread. */
export interface PlacedMessage extends DemoMessage {
  sentAt: Date;
  from: string;
  to: string;
  /** The script id of the thread's first message. */
  threadKey: string;
}

export const demoMessageId = (id: string) => `${id}.demo@firmly.example`;

/** The whole script placed relative to `anchor`, oldest first. */
export function placedDemoMail(anchor: Date): PlacedMessage[] {
  const byId = new Map(demoMailScript.map((m) => [m.id, m]));
  const rootOf = (message: DemoMessage): string => {
    const parent = message.replyTo ? byId.get(message.replyTo) : undefined;
    return parent ? rootOf(parent) : message.id;
  };
  const timelines = new Map(Object.values(demoClients).map((c) => [c.key, new DemoTimeline(anchor, c.calendar)]));
  return demoMailScript
    .map((message): PlacedMessage => {
      const client = demoClients[message.client];
      const timeline = timelines.get(message.client);
      if (!timeline) throw new Error(`demo script: no client ${message.client}`);
      const outbound = message.direction === 'out';
      return {
        ...message,
        sentAt: timeline.instantOf(message.when),
        from: outbound ? DEMO_MAILBOX : client.contact.address,
        to: outbound ? client.contact.address : DEMO_MAILBOX,
        threadKey: rootOf(message),
      };
    })
    .sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime() || (a.id < b.id ? -1 : 1));
}
