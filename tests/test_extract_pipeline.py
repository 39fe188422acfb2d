"""The extract pipeline never runs extraction on the reactor's thread, with or without worker processes."""

from __future__ import annotations

import asyncio

from scrapy.utils.test import get_crawler

from pipelines.extract import ExtractPipeline


def page(n: int) -> dict:
    body = "".join(f"<p>第{i}段:园区项目建设加快推进,企业满园,产业发展势头良好。</p>" for i in range(n))
    return {"kind": "page", "site": "news", "url": "http://127.0.0.1/a/1.html",
            "body": f"<html><body><h1>园区新闻</h1><div>{body}</div></body></html>".encode(), "headers": {}}


def test_without_workers_extraction_leaves_the_event_loop_free():
    """With ``workers: 0`` the page is extracted in a thread: while it is, the loop runs other callbacks. Had it
    run on the loop's thread, the item would be finished before any other callback could see it unfinished."""
    pipeline = ExtractPipeline(get_crawler(settings_dict={"PARKWATCH_WORKERS": 0}))
    pipeline.open_spider()

    async def run() -> tuple[bool, dict]:
        task = asyncio.ensure_future(pipeline.process_item(page(400)))
        await asyncio.sleep(0)  # the task has started: on the loop's thread it would have finished here
        unfinished_seen = not task.done()
        return unfinished_seen, await task

    unfinished_seen, item = asyncio.run(run())
    pipeline.close_spider()
    assert unfinished_seen
    assert item["article"]["title"] == "园区新闻" and "第399段" in item["article"]["text"]
