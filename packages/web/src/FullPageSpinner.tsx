/** Shown while a part of the app loads; plain CSS so it needs neither antd nor antd-mobile. */
export function FullPageSpinner() {
  return (
    <div className="gz-boot" role="status" aria-live="polite">
      <div className="gz-boot-mark">共</div>
      <div className="gz-boot-bar" />
    </div>
  );
}
