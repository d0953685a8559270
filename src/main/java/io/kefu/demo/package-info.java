/**
 * The demo company's service records: on first start with demo data, customers who wrote in over WeChat, the app,
 * the portal and the web form, so that a new installation opens on queues and timelines with something in them.
 * Everything is created through the other modules' public services, as real channels would.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo records")
package io.kefu.demo;
