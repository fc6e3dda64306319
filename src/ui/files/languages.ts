/**
 * Which highlighting a file gets, by its name: CodeMirror's legacy stream modes, each loaded on
 * demand (a few KB apiece) except the Dockerfile mode, which ships with the editor. Files with no
 * known kind are plain text.
 */
import type { StreamParser } from '@codemirror/language';
import { baseName, isDockerfile } from './paths.ts';

export type LanguageId = 'dockerfile' | 'shell' | 'yaml' | 'toml' | 'nginx' | 'javascript' | 'json' | 'html' | 'xml' | 'python' | 'properties' | 'text';

export function languageOf(path: string): LanguageId {
  if (isDockerfile(path)) return 'dockerfile';
  const name = baseName(path).toLowerCase();
  if (name === 'nginx.conf' || path.startsWith('/etc/nginx/')) return 'nginx';
  if (/^\.(bashrc|profile|bash_profile|bash_logout)$/.test(name) || /\.(sh|bash)$/.test(name)) return 'shell';
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : '';
  switch (ext) {
    case 'yml':
    case 'yaml':
      return 'yaml';
    case 'toml':
      return 'toml';
    case 'js':
    case 'mjs':
    case 'cjs':
    case 'ts':
      return 'javascript';
    case 'json':
      return 'json';
    case 'html':
    case 'htm':
      return 'html';
    case 'xml':
    case 'svg':
      return 'xml';
    case 'py':
      return 'python';
    case 'ini':
    case 'env':
    case 'properties':
    case 'conf':
    case 'cnf':
      return 'properties';
    default:
      return name === '.env' || name === '.dockerignore' || name === '.gitignore' ? 'properties' : 'text';
  }
}

type Loader = () => Promise<StreamParser<unknown>>;

/** Loaders for the modes not bundled with the editor (each its own small chunk). */
export const LOADERS: Readonly<Record<Exclude<LanguageId, 'dockerfile' | 'text'>, Loader>> = {
  shell: () => import('@codemirror/legacy-modes/mode/shell').then((m) => m.shell),
  yaml: () => import('@codemirror/legacy-modes/mode/yaml').then((m) => m.yaml),
  toml: () => import('@codemirror/legacy-modes/mode/toml').then((m) => m.toml),
  nginx: () => import('@codemirror/legacy-modes/mode/nginx').then((m) => m.nginx),
  javascript: () => import('@codemirror/legacy-modes/mode/javascript').then((m) => m.javascript),
  json: () => import('@codemirror/legacy-modes/mode/javascript').then((m) => m.json),
  html: () => import('@codemirror/legacy-modes/mode/xml').then((m) => m.html),
  xml: () => import('@codemirror/legacy-modes/mode/xml').then((m) => m.xml),
  python: () => import('@codemirror/legacy-modes/mode/python').then((m) => m.python),
  properties: () => import('@codemirror/legacy-modes/mode/properties').then((m) => m.properties),
};
