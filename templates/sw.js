/* Azamat's service worker, served at /sw.js by core.views.service_worker (scope /).
   Pages: network first; when the network fails, the copy kept when the reader last opened the page, else
   the offline page in the page's language. /static/: cache first (the file names carry their hash).
   Only public pages are kept: never a form, a letter, a reminder, feedback, search results, the admin, an
   address with a query, or an answer marked private or no-store. VERSION changes with the content (and
   with this file): the new worker installs, fetches the kept pages afresh and deletes the old caches. */
"use strict";

const VERSION = "{{ version }}";
const CONFIG = JSON.parse("{{ config|escapejs }}");
const PAGES = "azamat-pages-" + VERSION;
const ASSETS = "azamat-static-" + VERSION;
const LANGUAGE = new RegExp("^/(" + CONFIG.languages.join("|") + ")/");

function language(url) {
  const match = LANGUAGE.exec(url.pathname);
  return match ? match[1] : CONFIG.languages[0];
}

function keepable(url) {
  const match = LANGUAGE.exec(url.pathname);
  if (!match || url.search || url.origin !== self.location.origin) return false;
  const rest = url.pathname.slice(match[0].length - 1);
  return !CONFIG.never.some((prefix) => rest.startsWith(prefix));
}

function storable(response) {
  const control = (response.headers.get("Cache-Control") || "").toLowerCase();
  const type = response.headers.get("Content-Type") || "";
  return (
    response.ok &&
    response.type === "basic" &&
    !response.redirected &&
    !control.includes("no-store") &&
    !control.includes("private") &&
    type.startsWith("text/html")
  );
}

async function keep(cache, path) {
  const response = await fetch(path, { credentials: "omit" });
  if (storable(response)) await cache.put(path, response);
  return response;
}

async function refresh(pages, old, request) {
  // A page kept under an earlier version: fetched afresh, the old copy kept if the network fails.
  try {
    const response = await keep(pages, request.url);
    if (storable(response)) return;
  } catch (error) {
    // offline while updating: keep what the reader had
  }
  const copy = await old.match(request);
  if (copy) await pages.put(request, copy);
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const pages = await caches.open(PAGES);
      await Promise.all(CONFIG.offline.map((path) => keep(pages, path)));
      await (await caches.open(ASSETS)).addAll(CONFIG.assets);
      for (const name of await caches.keys()) {
        if (name.startsWith("azamat-pages-") && name !== PAGES) {
          const old = await caches.open(name);
          await Promise.all((await old.keys()).map((request) => refresh(pages, old, request)));
        }
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith("azamat-") && name !== PAGES && name !== ASSETS) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

async function keepForReading(lang) {
  // The pages a reader should have offline in their language (the Constitution in force, whole).
  const pages = await caches.open(PAGES);
  for (const path of CONFIG.keep[lang] || []) {
    if (!(await pages.match(path))) {
      try {
        await keep(pages, path);
      } catch (error) {
        // try again on the next page
      }
    }
  }
}

async function page(event, url) {
  const lang = language(url);
  try {
    const response = await fetch(event.request);
    if (keepable(url) && storable(response)) {
      const copy = response.clone();
      event.waitUntil(caches.open(PAGES).then((pages) => pages.put(url.pathname, copy)));
      event.waitUntil(keepForReading(lang));
    }
    return response;
  } catch (error) {
    const kept = keepable(url) ? await caches.match(url.pathname, { cacheName: PAGES }) : undefined;
    return kept || (await caches.match(CONFIG.offline_page[lang], { cacheName: PAGES })) || Response.error();
  }
}

async function asset(request) {
  const cache = await caches.open(ASSETS);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok && response.type === "basic") await cache.put(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith(CONFIG.static)) {
    event.respondWith(asset(request));
  } else if (request.mode === "navigate" && LANGUAGE.test(url.pathname)) {
    event.respondWith(page(event, url));
  }
});
