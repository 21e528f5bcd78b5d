// After a refused save, take keyboard and screen-reader users straight to what needs fixing.
"use strict";
document.getElementById("error-summary")?.focus();
