/** Where a lesson's host files go: absolute paths as given, relative ones under root's home (the shell's start directory). */
export function lessonFilePath(name: string): string {
  return name.startsWith('/') ? name : `/root/${name}`;
}
