// Reading a QR code from the camera in every mainstream phone browser: the browser's own
// BarcodeDetector where it exists (Chrome on Android), otherwise ZXing's JavaScript decoder
// (@zxing/library, bundled, no download at run time) on frames drawn to a canvas (iOS Safari,
// Firefox, desktop browsers).

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorCtor = (new (opts?: { formats: string[] }) => BarcodeDetectorLike) & { getSupportedFormats?: () => Promise<string[]> };

export interface QrReader {
  /** The text of a QR code in the current video frame, or null. */
  read(video: HTMLVideoElement): Promise<string | null>;
  kind: 'native' | 'zxing';
}

const nativeCtor = (): BarcodeDetectorCtor | null => (window as unknown as { BarcodeDetector?: BarcodeDetectorCtor }).BarcodeDetector ?? null;

/** True where a camera can be opened at all (a secure page with getUserMedia). */
export const cameraAvailable = () => typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getUserMedia;

async function nativeReader(): Promise<QrReader | null> {
  const Ctor = nativeCtor();
  if (!Ctor) return null;
  try {
    const formats = (await Ctor.getSupportedFormats?.()) ?? ['qr_code'];
    if (!formats.includes('qr_code')) return null;
  } catch {
    return null;
  }
  const detector = new Ctor({ formats: ['qr_code'] });
  return {
    kind: 'native',
    async read(video) {
      const found = await detector.detect(video);
      return found.find((b) => b.rawValue)?.rawValue ?? null;
    },
  };
}

/** Grey levels of RGBA pixels (ITU-R BT.601 weights), as ZXing's luminance source wants them. */
export function toLuminance(rgba: Uint8ClampedArray, width: number, height: number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(width * height);
  for (let i = 0, p = 0; i < out.length; i++, p += 4) out[i] = (rgba[p]! * 299 + rgba[p + 1]! * 587 + rgba[p + 2]! * 114) / 1000;
  return out;
}

async function zxingReader(): Promise<QrReader> {
  const { BinaryBitmap, HybridBinarizer, QRCodeReader, RGBLuminanceSource } = await import('@zxing/library');
  const reader = new QRCodeReader();
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  return {
    kind: 'zxing',
    async read(video) {
      if (!ctx || !video.videoWidth) return null;
      // A frame of at most 640 px on its long side reads fast and still resolves a phone-held code.
      const scale = Math.min(1, 640 / Math.max(video.videoWidth, video.videoHeight));
      const w = Math.round(video.videoWidth * scale);
      const h = Math.round(video.videoHeight * scale);
      canvas.width = w;
      canvas.height = h;
      ctx.drawImage(video, 0, 0, w, h);
      const grey = toLuminance(ctx.getImageData(0, 0, w, h).data, w, h);
      try {
        return reader.decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(grey, w, h)))).getText();
      } catch {
        return null; // no code in this frame
      }
    },
  };
}

/** The best reader this browser has. */
export async function qrReader(): Promise<QrReader> {
  return (await nativeReader()) ?? zxingReader();
}
