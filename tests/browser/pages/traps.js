// Page-level traps for the hostile-content test: any script a payload
// manages to run calls one of these (or fires a CSP violation) and is
// recorded in window.__xss.
window.__xss = [];
for (const name of ["alert", "confirm", "prompt", "print"]) {
  window[name] = (...args) => window.__xss.push(`${name}(${args.join(",")})`);
}
document.addEventListener("securitypolicyviolation", (e) => window.__xss.push(`csp: ${e.violatedDirective} ${e.blockedURI}`));
