import { useEffect, useState } from 'react';
import { ImportBundleDialog } from './ImportBundleDialog';

const isBundle = (file: File | undefined): file is File => file !== undefined && file.name.toLowerCase().endsWith('.ibtikar');

/** A `.ibtikar` file dropped anywhere on the window opens the import with it. */
export function BundleDropZone() {
  const [file, setFile] = useState<File | null>(null);
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      const dropped = e.dataTransfer?.files[0];
      if (!isBundle(dropped)) return;
      e.preventDefault();
      setFile(dropped);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);
  return file ? <ImportBundleDialog key={`${file.name}-${file.lastModified}`} file={file} onClose={() => setFile(null)} /> : null;
}
