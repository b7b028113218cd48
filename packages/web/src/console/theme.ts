import type { ThemeConfig } from 'antd';

/** Government-style theme: deep red primary, neutral greys, compact spacing. */
export const PRIMARY = '#b7181e';

export const consoleTheme: ThemeConfig = {
  token: {
    colorPrimary: PRIMARY,
    colorLink: PRIMARY,
    colorInfo: '#1d5fa8',
    // Danger buttons and links (停用, 删除) and error text in a red that meets WCAG AA on white (antd's #ff4d4f does not).
    colorError: '#cf1322',
    borderRadius: 4,
    colorBgLayout: '#f3f4f6',
    fontSize: 14,
    controlHeight: 32,
    // Secondary text, descriptions and placeholders dark enough for WCAG AA (4.5:1 on white and on
    // the grey page background); antd's defaults (45 % and 25 % black) fall short.
    colorTextDescription: '#666666',
    colorTextTertiary: '#666666',
    colorTextPlaceholder: '#6e6e6e',
    // Empty tables' text and dashes (antd uses the quaternary grey, 25 % black, for them).
    colorTextQuaternary: '#767676',
  },
  components: {
    Layout: {
      headerBg: PRIMARY,
      headerHeight: 56,
      headerPadding: '0 20px',
      siderBg: '#ffffff',
      bodyBg: '#f3f4f6',
    },
    Menu: {
      itemSelectedBg: '#fbeceb',
      itemSelectedColor: PRIMARY,
      itemBorderRadius: 4,
      itemHeight: 40,
      itemMarginInline: 8,
    },
    Table: {
      headerBg: '#f7f7f8',
      cellPaddingBlock: 10,
      cellPaddingInline: 12,
      rowHoverBg: '#fdf5f4',
    },
    Card: {
      headerFontSize: 15,
      headerHeight: 48,
    },
    Statistic: {
      contentFontSize: 26,
    },
  },
};
