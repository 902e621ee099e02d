import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Liquid } from 'liquidjs';
import { escapeHtml } from './escape.js';
import { formatTime, oneLine, SHOP } from './layout.js';

/** Where the shop's own templates come with the service. */
export const BUILTIN_TEMPLATES = fileURLToPath(new URL('../../templates', import.meta.url));
export const DEFAULT_LANGUAGE = 'en';

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export interface RenderedPush {
  title: string;
  body: string;
}

/**
 * Template names carry their part (`welcome.txt`), so the `.liquid` extension is always added,
 * and a name can never leave the template folders (`../` is refused).
 */
const templateFs = {
  exists: async (f: string) => existsSync(f),
  existsSync: (f: string) => existsSync(f),
  readFile: (f: string) => readFile(f, 'utf8'),
  readFileSync: (f: string) => readFileSync(f, 'utf8'),
  resolve: (dir: string, file: string, ext: string) => resolve(dir, file.endsWith(ext) ? file : `${file}${ext}`),
  containsSync: (root: string, file: string) => {
    const rel = relative(resolve(root), file);
    return rel !== '' && !rel.startsWith('..') && !rel.includes(`..${sep}`);
  },
  contains: async (root: string, file: string) => templateFs.containsSync(root, file),
  sep,
  dirname,
};

/** The languages to try for a locale, best first: `pt-BR` → pt-BR, pt, en. */
export function languagesFor(locale: string | null | undefined): string[] {
  const out: string[] = [];
  if (locale && /^[a-z]{2,3}(?:-[A-Z]{2})?$/.test(locale)) {
    out.push(locale);
    if (locale.includes('-')) out.push(locale.split('-')[0]!);
  }
  if (!out.includes(DEFAULT_LANGUAGE)) out.push(DEFAULT_LANGUAGE);
  return out;
}

type Parsed = ReturnType<Liquid['parse']>;

/**
 * The message templates: Liquid files, one per template, language and part —
 * `<lang>/<name>.txt.liquid` (its first line `Subject: …`), `<lang>/<name>.html.liquid`, and for
 * the other channels `<name>.sms.liquid` and `<name>.push.liquid` (first line `Title: …`).
 * A file of the same name in the shop's override folder wins over the one shipped; a language
 * without a file falls back to English. In HTML every `{{ value }}` is escaped; text, SMS and
 * push parts are plain text. Liquid runs no code, so a shop's templates cannot break out.
 */
export class TemplateSet {
  private readonly engines = new Map<string, { html: Liquid; text: Liquid; roots: string[] }>();
  private readonly exists = new Map<string, boolean>();
  private readonly headed = new Map<string, { head: Parsed; body: Parsed }>();

  constructor(private readonly opts: { builtinDir?: string; overrideDir?: string } = {}) {}

  private engine(lang: string) {
    let e = this.engines.get(lang);
    if (!e) {
      const builtin = resolve(this.opts.builtinDir ?? BUILTIN_TEMPLATES);
      const roots = [
        ...(this.opts.overrideDir ? [join(resolve(this.opts.overrideDir), lang), join(resolve(this.opts.overrideDir), DEFAULT_LANGUAGE)] : []),
        join(builtin, lang),
        join(builtin, DEFAULT_LANGUAGE),
      ].filter((r, i, all) => all.indexOf(r) === i);
      const common = { fs: templateFs, root: roots, partials: roots, layouts: roots, extname: '.liquid', cache: true, strictFilters: true, ownPropertyOnly: true };
      const html = new Liquid({ ...common, outputEscape: (v: unknown) => escapeHtml(v === undefined || v === null ? '' : String(v)) });
      const text = new Liquid(common);
      for (const l of [html, text]) l.registerFilter('time', (v: unknown) => formatTime(String(v ?? '')));
      e = { html, text, roots };
      this.engines.set(lang, e);
    }
    return e;
  }

  /** Whether `name.part` exists for this language (or its fallbacks). */
  has(name: string, part: 'html' | 'txt' | 'sms' | 'push', locale?: string | null): boolean {
    const lang = languagesFor(locale)[0]!;
    const key = `${lang}/${name}.${part}`;
    let found = this.exists.get(key);
    if (found === undefined) {
      found = this.engine(lang).roots.some((r) => existsSync(join(r, `${name}.${part}.liquid`)));
      this.exists.set(key, found);
    }
    return found;
  }

  /**
   * A template whose first line is `Name: …` (the subject, or a push title): the line and the
   * rest are separate templates, so a value holding a line break can never move text between them.
   */
  private renderHeaded(lang: string, file: string, headName: string, vars: Record<string, unknown>): { head: string; body: string } {
    const e = this.engine(lang);
    const key = `${lang}/${file}`;
    let t = this.headed.get(key);
    if (!t) {
      const path = e.roots.map((r) => join(r, `${file}.liquid`)).find((p) => existsSync(p));
      if (!path) throw new Error(`no template ${file} for ${lang}`);
      const source = readFileSync(path, 'utf8');
      const m = new RegExp(`^${headName}: *([^\\r\\n]*)\\r?\\n(?:\\r?\\n)?`).exec(source);
      if (!m) throw new Error(`template ${path} must start with a "${headName}:" line`);
      t = { head: e.text.parse(m[1]!, path), body: e.text.parse(source.slice(m[0].length), path) };
      this.headed.set(key, t);
    }
    return { head: oneLine(e.text.renderSync(t.head, vars) as string), body: e.text.renderSync(t.body, vars) as string };
  }

  private vars(lang: string, vars: Record<string, unknown>) {
    return { shop: SHOP, lang: lang.split('-')[0], ...vars };
  }

  email(name: string, locale: string | null | undefined, vars: Record<string, unknown>): RenderedEmail {
    const lang = languagesFor(locale)[0]!;
    const e = this.engine(lang);
    const all = this.vars(lang, vars);
    const { head: subject, body: text } = this.renderHeaded(lang, `${name}.txt`, 'Subject', all);
    const html = e.html.renderFileSync(`${name}.html`, { ...all, subject }) as string;
    return { subject, html, text };
  }

  sms(name: string, locale: string | null | undefined, vars: Record<string, unknown>): string | undefined {
    if (!this.has(name, 'sms', locale)) return undefined;
    const lang = languagesFor(locale)[0]!;
    return oneLine(this.engine(lang).text.renderFileSync(`${name}.sms`, this.vars(lang, vars)) as string);
  }

  push(name: string, locale: string | null | undefined, vars: Record<string, unknown>): RenderedPush | undefined {
    if (!this.has(name, 'push', locale)) return undefined;
    const lang = languagesFor(locale)[0]!;
    const { head: title, body } = this.renderHeaded(lang, `${name}.push`, 'Title', this.vars(lang, vars));
    return { title, body: oneLine(body) };
  }
}

let builtin: TemplateSet | undefined;
/** The templates shipped with the service, without a shop's overrides. */
export function builtinTemplates(): TemplateSet {
  builtin ??= new TemplateSet();
  return builtin;
}
