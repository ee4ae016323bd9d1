import type { WarrantyConsumer } from '../../domain/warranty/warranty.decider';

const maskWord = (word: string) => (word.length <= 1 ? word : `${word.charAt(0)}${'*'.repeat(Math.min(word.length - 1, 6))}`);

/** What a public verification may show of a consumer: initials, the last digits, the mail domain. */
export const maskConsumer = (consumer: WarrantyConsumer): WarrantyConsumer => ({
  name: consumer.name.trim().split(/\s+/).map(maskWord).join(' '),
  phone: consumer.phone ? `${'*'.repeat(Math.max(consumer.phone.length - 3, 0))}${consumer.phone.slice(-3)}` : null,
  email: consumer.email ? consumer.email.replace(/^([^@])[^@]*@/, (_m, first: string) => `${first}***@`) : null,
});
