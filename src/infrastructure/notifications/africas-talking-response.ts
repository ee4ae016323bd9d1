/** The outcome of one message in an Africa's Talking `version1/messaging` answer. */
export type AfricasTalkingOutcome =
  | { readonly accepted: true; readonly messageId: string | null }
  | { readonly accepted: false; readonly reason: string };

// 100 Processed, 101 Sent, 102 Queued; every other code (InvalidPhoneNumber, InsufficientBalance, ...) refuses it.
const ACCEPTED = new Set([100, 101, 102]);

const field = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;

/**
 * Reads `{"SMSMessageData": {"Message": ..., "Recipients": [{"statusCode", "status", "messageId", ...}]}}`.
 * We send to one number, so the first recipient is the message.
 */
export const readAfricasTalkingOutcome = (body: unknown): AfricasTalkingOutcome => {
  const data = field(body, 'SMSMessageData');
  const recipients = field(data, 'Recipients');
  const recipient: unknown = Array.isArray(recipients) ? recipients[0] : undefined;
  if (recipient === undefined) {
    // Refusals of the whole request (e.g. InvalidSenderId) come with no recipient, the reason in `Message`.
    const message = field(data, 'Message');
    return { accepted: false, reason: typeof message === 'string' && message ? message : 'no recipient in the answer' };
  }
  const statusCode = field(recipient, 'statusCode');
  const status = field(recipient, 'status');
  if (typeof statusCode === 'number' && ACCEPTED.has(statusCode)) {
    const messageId = field(recipient, 'messageId');
    return { accepted: true, messageId: typeof messageId === 'string' && messageId ? messageId : null };
  }
  return { accepted: false, reason: `${typeof status === 'string' ? status : 'unknown status'} (${String(statusCode)})` };
};
