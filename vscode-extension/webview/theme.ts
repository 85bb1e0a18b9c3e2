// Colours for the canvas, read from VS Code's theme variables. The canvas cannot use CSS variables
// directly, so they are resolved to rgb values here and read again when the theme changes.
import { packPixel } from './discRaster';
import { darknessLevels, darknessOfLevel } from './pointStyle';

export interface ThemeColours {
  /** One fill per darkness level, from the background towards the foreground. */
  darkness: string[];
  error: string;
  pending: string;
  cancelled: string;
  selection: string;
  /** The darkness fills and the selection colour as RGBA pixels for an ImageData buffer (see packPixel). */
  packedDarkness: number[];
  /** The darkness fills as rgb triples, for blending into an ImageData buffer. */
  darknessRgb: Array<[number, number, number]>;
  packedSelection: number;
  packedError: number;
  packedPending: number;
  packedCancelled: number;
}

type Rgb = [number, number, number];

const probe = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;

/** Resolves any CSS colour to rgb through the canvas, which normalises what it accepts. */
function toRgb(colour: string, fallback: Rgb): Rgb {
  probe.fillStyle = '#000000';
  probe.fillStyle = colour;
  const normal = String(probe.fillStyle);
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(normal);
  if (hex) {
    return [parseInt(hex[1], 16), parseInt(hex[2], 16), parseInt(hex[3], 16)];
  }

  const rgba = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(normal);
  return rgba ? [Number(rgba[1]), Number(rgba[2]), Number(rgba[3])] : fallback;
}

function css([red, green, blue]: Rgb): string {
  return `rgb(${Math.round(red)}, ${Math.round(green)}, ${Math.round(blue)})`;
}

function mix(from: Rgb, to: Rgb, share: number): Rgb {
  return [0, 1, 2].map((channel) => from[channel] + (to[channel] - from[channel]) * share) as Rgb;
}

export function readThemeColours(element: Element = document.body): ThemeColours {
  const style = getComputedStyle(element);
  const variable = (name: string) => style.getPropertyValue(name).trim();
  const first = (...names: string[]) => names.map(variable).find((value) => value.length > 0) ?? '';

  const background = toRgb(first('--vscode-editor-background', '--vscode-sideBar-background'), [255, 255, 255]);
  const foreground = toRgb(first('--vscode-editor-foreground', '--vscode-foreground'), [0, 0, 0]);
  const darknessRgb = Array.from({ length: darknessLevels }, (_, level) => mix(background, foreground, darknessOfLevel(level)));
  const darkness = darknessRgb.map(css);
  const error = toRgb(first('--vscode-errorForeground', '--vscode-editorError-foreground'), [229, 20, 0]);
  const pending = toRgb(first('--vscode-charts-blue', '--vscode-textLink-foreground'), [0, 120, 212]);
  const cancelled = toRgb(first('--vscode-descriptionForeground', '--vscode-disabledForeground'), [128, 128, 128]);
  const selection = toRgb(first('--vscode-charts-orange', '--vscode-editorWarning-foreground'), [209, 134, 22]);
  return {
    darkness,
    error: css(error),
    pending: css(pending),
    cancelled: css(cancelled),
    selection: css(selection),
    packedDarkness: darknessRgb.map((rgb) => packPixel(rgb.map(Math.round) as Rgb)),
    darknessRgb: darknessRgb.map((rgb) => rgb.map(Math.round) as Rgb),
    packedSelection: packPixel(selection),
    packedError: packPixel(error),
    packedPending: packPixel(pending),
    packedCancelled: packPixel(cancelled),
  };
}

/** Calls back when VS Code switches the theme: it changes the body's class and the variables on <html>. */
export function onThemeChange(callback: () => void): void {
  const observer = new MutationObserver(() => callback());
  observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style'] });
}
