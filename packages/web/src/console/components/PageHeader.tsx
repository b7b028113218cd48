import type { ReactNode } from 'react';

export function PageHeader({ title, extra, description, testId }: { title: ReactNode; extra?: ReactNode; description?: ReactNode; testId?: string }) {
  return (
    <div className="gz-page-header">
      <div className="gz-page-header-main">
        <h1 className="gz-page-title" data-testid={testId}>
          {title}
        </h1>
        {extra && <div className="gz-page-extra">{extra}</div>}
      </div>
      {description && <div className="gz-page-desc">{description}</div>}
    </div>
  );
}
