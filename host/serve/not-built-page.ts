/** The page at `/` when no UI build is present: not an error, just how to build it or use the API. */
export function notBuiltPage(port: number): string {
  const base = `http://127.0.0.1:${port}`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>企微直播助手 · 浏览器模式</title>
<style>
body { font-family: system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; max-width: 46rem; margin: 3rem auto; padding: 0 1rem; color: #222; line-height: 1.6; }
code, pre { background: #f4f4f4; border-radius: 4px; padding: 0.1rem 0.3rem; }
pre { padding: 0.8rem; overflow-x: auto; }
</style>
</head>
<body>
<h1>服务已启动，界面尚未构建</h1>
<p>本机服务正在运行，但没有找到界面的构建结果（<code>dist/ui/browser</code>）。构建界面后刷新本页即可使用。</p>
<p>也可以直接调用接口：每个请求都需要启动时输出的令牌（<code>Authorization: Bearer &lt;令牌&gt;</code>），登录后再加上 <code>X-Session</code> 请求头。</p>
<pre>curl -X POST ${base}/rpc/host.status \\
  -H "Authorization: Bearer &lt;令牌&gt;" \\
  -H "Content-Type: application/json" -d "{}"</pre>
<p>令牌见启动时输出的地址（<code>#token=</code> 之后的部分），或数据目录中的 <code>serve.json</code>。</p>
</body>
</html>
`;
}
