import type Handlebars from 'handlebars';

type HandlebarsEnvironment = ReturnType<typeof Handlebars.create>;
type BlockHelperOptions = Handlebars.HelperOptions & { readonly loc?: { readonly start: { line: number; column: number } } };

/**
 * Strict mode does not check the value given to `{{#if}}`/`{{#unless}}`: a forgotten `approved` would read as false
 * and send the refusal mail. These wrappers make an undefined value an error too; "none" must be passed as null.
 */
const strictCondition = (env: HandlebarsEnvironment, name: 'if' | 'unless'): void => {
  const builtin = env.helpers[name];
  if (!builtin) throw new Error(`handlebars has no built-in {{#${name}}} helper`);
  env.registerHelper(name, function (this: unknown, value: unknown, options: BlockHelperOptions) {
    if (value === undefined) {
      const at = options.loc ? ` at ${options.loc.start.line}:${options.loc.start.column}` : '';
      throw new Error(`{{#${name}}}${at} got an undefined value (pass null for "none")`);
    }
    return builtin.call(this, value, options);
  });
};

export const registerTemplateHelpers = (env: HandlebarsEnvironment): void => {
  strictCondition(env, 'if');
  strictCondition(env, 'unless');
  /** `{{plural expiresInMinutes "minute"}}` → "1 minute", "15 minutes". */
  env.registerHelper('plural', (count: unknown, unit: unknown) => {
    if (typeof count !== 'number') throw new Error(`{{plural}} needs a number, got ${count === null ? 'null' : typeof count}`);
    if (typeof unit !== 'string') throw new Error('{{plural}} needs a unit, e.g. {{plural minutes "minute"}}');
    return `${count} ${unit}${count === 1 ? '' : 's'}`;
  });
};
