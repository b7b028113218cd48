import { phoneIcon } from '../../icon.tsx';
import StarFilledSvg from '@ant-design/icons-svg/es/asn/StarFilled';

const StarFilled = phoneIcon(StarFilledSvg);

/** 1–5 stars (星级), filled up to `stars`. */
export function Stars({ stars, size = 16 }: { stars: number; size?: number }) {
  return (
    <span className="m-party-stars" aria-label={`${stars}★`} data-testid="party-stars" data-stars={stars}>
      {[1, 2, 3, 4, 5].map((i) => (
        <StarFilled key={i} style={{ fontSize: size, color: i <= stars ? '#f5a623' : '#e5e5e5' }} />
      ))}
    </span>
  );
}
