// The architecture chip as an SVG element, from the shared geometry, so tooltips and the inspector
// show the same glyph as the server and the host.
import { chipGeometry, type ChipLayer } from '../src/shared/chip';
import { countOf } from './format';

const svgNamespace = 'http://www.w3.org/2000/svg';

/** Draws a chip `scale` times the glyph's 48-pixel height; each block's title names its layer and output size. */
export function createChip(layers: readonly ChipLayer[], scale = 0.5, label?: string): SVGSVGElement {
  const geometry = chipGeometry(layers);
  const svg = document.createElementNS(svgNamespace, 'svg');
  svg.classList.add('chip');
  svg.setAttribute('viewBox', `0 0 ${geometry.width} ${geometry.height}`);
  svg.setAttribute('width', String(Math.ceil(geometry.width * scale)));
  svg.setAttribute('height', String(Math.ceil(geometry.height * scale)));
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label ?? `Architecture: ${layers.map((layer) => layer.text).join(', ') || 'no layers'}`);

  geometry.blocks.forEach((block, index) => {
    const rectangle = document.createElementNS(svgNamespace, 'rect');
    rectangle.setAttribute('x', String(block.x));
    rectangle.setAttribute('y', String(block.y));
    rectangle.setAttribute('width', String(block.width));
    rectangle.setAttribute('height', String(block.height));
    rectangle.setAttribute('fill', block.colour);
    rectangle.dataset.kind = block.layer.kind;
    const title = document.createElementNS(svgNamespace, 'title');
    const size = block.layer.outputSize === null ? '' : ` → ${countOf(block.layer.outputSize, 'value')}`;
    title.textContent = `${index + 1}. ${block.layer.text}${size}`;
    rectangle.append(title);
    svg.append(rectangle);
  });
  return svg;
}
