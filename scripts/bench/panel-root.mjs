// The panel's shadow root is closed: scripts in the page cannot reach it, and neither can the
// bench's timing code, which runs in the page's world. The bench alone hands it over, through
// the DevTools protocol (which a real page does not have), as a global of the page's world.

/**
 * Puts the closed shadow root of the page's panel in `globalThis[name]` of the page's main
 * world. Resolves to false when the page has no panel (yet).
 */
export async function handPanelRootToPage(page, name) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { result: host } = await cdp.send('Runtime.evaluate', {
      expression: "document.querySelector('threadline-panel')",
    });
    if (!host.objectId) return false;
    const { node } = await cdp.send('DOM.describeNode', {
      objectId: host.objectId,
      depth: 0,
      pierce: true,
    });
    const shadow = node.shadowRoots?.[0];
    if (!shadow) return false;
    const { object: root } = await cdp.send('DOM.resolveNode', {
      backendNodeId: shadow.backendNodeId,
    });
    await cdp.send('Runtime.callFunctionOn', {
      objectId: root.objectId,
      functionDeclaration: 'function (name) { globalThis[name] = this; }',
      arguments: [{ value: name }],
    });
    return true;
  } finally {
    await cdp.detach().catch(() => {});
  }
}
