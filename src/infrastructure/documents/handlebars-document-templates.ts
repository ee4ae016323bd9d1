import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { DocumentTemplates, TrustedHtml } from '../../application/shared/ports/document-template.port';
import { registerTemplateHelpers } from '../notifications/handlebars-helpers';
import { TemplateError } from '../notifications/handlebars-template-renderer';
import { findTemplatesDirectory } from '../notifications/templates-directory';

type TemplateData = Readonly<Record<string, unknown>>;
type Compiled = Handlebars.TemplateDelegate<TemplateData>;

/** `documents/warranty-certificate`, `pages/verify`: one folder, one kebab-case name, nothing that climbs out. */
const TEMPLATE_NAME = /^(documents|pages)\/[a-z0-9]+(-[a-z0-9]+)*$/;

const isTrustedHtml = (value: unknown): value is TrustedHtml =>
  typeof value === 'object' && value !== null && typeof (value as Partial<TrustedHtml>).trustedHtml === 'string';

/**
 * Renders `templates/<folder>/<name>.hbs` to HTML with the mail templates' strict helpers. Everything is escaped;
 * `{{trusted x}}` inserts markup only when `x` was wrapped with `trustedHtml()`, so a plain string from user data can
 * never reach the page raw, whatever a template author writes.
 */
export class HandlebarsDocumentTemplates implements DocumentTemplates {
  private readonly env = Handlebars.create();
  private readonly compiled = new Map<string, Promise<Compiled>>();

  constructor(private readonly templatesDir: string = findTemplatesDirectory()) {
    registerTemplateHelpers(this.env);
    this.env.registerHelper('trusted', (value: unknown) => {
      if (!isTrustedHtml(value)) throw new Error('{{trusted}} needs a value made with trustedHtml()');
      return new this.env.SafeString(value.trustedHtml);
    });
  }

  async renderHtml(name: string, data: TemplateData): Promise<string> {
    if (!TEMPLATE_NAME.test(name)) throw new TemplateError(`Invalid document template name ${JSON.stringify(name)}`);
    const template = await this.compile(`${name}.hbs`);
    try {
      return template(data);
    } catch (error) {
      throw new TemplateError(`Template ${name}.hbs cannot render: ${(error as Error).message}`, { cause: error });
    }
  }

  private compile(relative: string): Promise<Compiled> {
    let template = this.compiled.get(relative);
    if (!template) {
      template = this.read(relative).then((source) => this.env.compile<TemplateData>(source, { strict: true }));
      // A failed read is not cached: the file may appear before the next call.
      template.catch(() => this.compiled.delete(relative));
      this.compiled.set(relative, template);
    }
    return template;
  }

  private async read(relative: string): Promise<string> {
    try {
      return await readFile(path.join(this.templatesDir, relative), 'utf8');
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : 'unreadable';
      throw new TemplateError(`Template ${relative} ${reason} in ${this.templatesDir}`, { cause: error });
    }
  }
}
