import InsertDriveFileIcon from '@mui/icons-material/InsertDriveFileOutlined';
import { useEffect, useState } from 'react';
import { PREVIEWABLE_MEDIA_TYPES, type Attachment } from '../../../../electron/shared/domain/attachments';
import { fetchAttachment } from './attachment-files';

/** Pictures larger than this are not fetched just for a thumbnail. */
const THUMBNAIL_MAX_BYTES = 5 * 1024 * 1024;

/**
 * A small preview for PNG, JPEG, GIF and WebP (the types core sniffed from the bytes), shown from a
 * blob URL in an <img>, which never runs script; anything else, SVG and HTML included, gets an icon.
 */
export function AttachmentThumbnail({ attachment }: { attachment: Attachment }) {
  const previewable = PREVIEWABLE_MEDIA_TYPES.includes(attachment.mediaType) && attachment.size <= THUMBNAIL_MAX_BYTES;
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!previewable) return;
    let address: string | undefined;
    let live = true;
    fetchAttachment(attachment.id)
      .then((blob) => {
        if (!live) return;
        // The type comes from core's sniffing, never from the response.
        address = URL.createObjectURL(new Blob([blob], { type: attachment.mediaType }));
        setUrl(address);
      })
      .catch(() => undefined); // no preview; the icon stays
    return () => {
      live = false;
      if (address) URL.revokeObjectURL(address);
    };
  }, [attachment.id, attachment.mediaType, previewable]);

  if (!url) return <InsertDriveFileIcon color="action" />;
  return <img src={url} alt="" width={48} height={48} style={{ objectFit: 'cover', borderRadius: 4 }} data-testid="attachment-thumbnail" />;
}
