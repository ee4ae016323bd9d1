// Use Debian's Chromium when it is installed (CI installs it): no browser download, which fails offline.
// Elsewhere puppeteer downloads its own browser as usual.
const { existsSync } = require('node:fs');

const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));

module.exports = systemChromium ? { skipDownload: true } : {};
