import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';
import { registerTemplateHelpers } from './handlebars-helpers';
import { findTemplatesDirectory } from './templates-directory';

export interface RenderedMail {
  readonly subject: string;
  readonly html: string;
  readonly text: string;
}

type TemplateData = Readonly<Record<string, unknown>>;
type Compiled = Handlebars.TemplateDelegate<TemplateData>;

/** A template that is missing or cannot render its data: a bug to fix, never a message to send half-empty. */
export class TemplateError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'TemplateError';
  }
}

const TEMPLATE_NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Renders `templates/mail/<name>.{subject,html,text}.hbs` and `templates/sms/<name>.hbs`.
 * Each file is compiled once. Only HTML is escaped: a subject, text part or SMS shows `O'Brien`, not `O&#x27;Brien`.
 * Strict mode turns a missing variable into an error.
 */
export class HandlebarsTemplateRenderer {
  private readonly env = Handlebars.create();
  private readonly compiled = new Map<string, Promise<Compiled>>();
  private partials: Promise<void> | undefined;

  constructor(private readonly templatesDir: string = findTemplatesDirectory()) {
    registerTemplateHelpers(this.env);
  }

  async renderMail(name: string, data: TemplateData): Promise<RenderedMail> {
    await this.loadMailPartials();
    const [subject, html, text] = await Promise.all([
      this.render(['mail', `${name}.subject.hbs`], name, data, false),
      this.render(['mail', `${name}.html.hbs`], name, data, true),
      this.render(['mail', `${name}.text.hbs`], name, data, false),
    ]);
    // A header is one line, whatever the template's line breaks.
    return { subject: subject.replace(/\s+/g, ' ').trim(), html, text: `${text.trim()}\n` };
  }

  async renderSms(name: string, data: TemplateData): Promise<string> {
    return (await this.render(['sms', `${name}.hbs`], name, data, false)).replace(/\s+/g, ' ').trim();
  }

  private async render(parts: readonly string[], name: string, data: TemplateData, html: boolean): Promise<string> {
    // Names come from code, but a name is also a path: keep it inside the templates folder.
    if (!TEMPLATE_NAME.test(name)) throw new TemplateError(`Invalid template name ${JSON.stringify(name)}`);
    const relative = path.join(...parts);
    const template = await this.compile(relative, html);
    try {
      return template(data);
    } catch (error) {
      throw new TemplateError(`Template ${relative} cannot render: ${(error as Error).message}`, { cause: error });
    }
  }

  private compile(relative: string, html: boolean): Promise<Compiled> {
    let template = this.compiled.get(relative);
    if (!template) {
      template = this.readTemplate(relative).then((source) =>
        this.env.compile<TemplateData>(source, { strict: true, noEscape: !html }),
      );
      // A failed read is not cached: the file may appear (or a transient error pass) before the next call.
      template.catch(() => this.compiled.delete(relative));
      this.compiled.set(relative, template);
    }
    return template;
  }

  private async readTemplate(relative: string): Promise<string> {
    const file = path.join(this.templatesDir, relative);
    try {
      return await readFile(file, 'utf8');
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : 'unreadable';
      throw new TemplateError(`Template ${relative} ${reason} in ${this.templatesDir}`, { cause: error });
    }
  }

  /** `templates/mail/partials/<name>.hbs`, e.g. the shared `layout`, registered once. */
  private loadMailPartials(): Promise<void> {
    this.partials ??= (async () => {
      const dir = path.join(this.templatesDir, 'mail', 'partials');
      const files = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return [];
        throw error;
      });
      for (const file of files.filter((f) => f.endsWith('.hbs'))) {
        this.env.registerPartial(path.basename(file, '.hbs'), await readFile(path.join(dir, file), 'utf8'));
      }
    })();
    return this.partials;
  }
}
