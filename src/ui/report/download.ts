/** Saves bytes or text as a file through a temporary object URL (nothing leaves the browser). */
export function download(name: string, content: Blob): void {
  const url = URL.createObjectURL(content);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 1000);
}

export const fileStem = (name: string): string => name.replace(/[^\w.-]+/g, '_').slice(0, 80) || 'case';
