#!/usr/bin/env python3
"""Prints the EPCIS 2.0 document of scripts/coldchain-demo.sh: lots LOTHEAT1 and LOTGOOD1 of GTIN 09521234543213
commissioned at a warehouse 12.5 hours ago, shipped 10 minutes later in logistic units (SSCC ...0001, ...0002),
received at a vaccination site a minute ago. Times are relative to now, so that the simulated loggers' readings
fall inside the shipments."""
import json
from datetime import datetime, timedelta, timezone

GTIN = "09521234543213"
WAREHOUSE = "urn:epc:id:sgln:9521234.00001.0"
SITE = "urn:epc:id:sgln:9521234.00002.0"
now = datetime.now(timezone.utc)


def at(minutes_ago):
    return (now - timedelta(minutes=minutes_ago)).strftime("%Y-%m-%dT%H:%M:%SZ")


events = []
for lot, shipment in [("LOTHEAT1", "urn:epc:id:sscc:9521234.0000000001"), ("LOTGOOD1", "urn:epc:id:sscc:9521234.0000000002")]:
    quantity = [{"epcClass": f"https://id.gs1.org/01/{GTIN}/10/{lot}", "quantity": 100, "uom": "EA"}]
    common = {"type": "ObjectEvent", "eventTimeZoneOffset": "+00:00", "quantityList": quantity}
    events.append(dict(common, eventTime=at(750), action="ADD", bizStep="commissioning", disposition="active",
                       bizLocation={"id": WAREHOUSE}, ilmd={"cbvmda:itemExpirationDate": "2030-12-31"}))
    events.append(dict(common, eventTime=at(740), action="OBSERVE", bizStep="shipping", disposition="in_transit",
                       readPoint={"id": WAREHOUSE}, epcList=[shipment]))
    events.append(dict(common, eventTime=at(1), action="OBSERVE", bizStep="receiving", disposition="in_progress",
                       bizLocation={"id": SITE}, epcList=[shipment]))

print(json.dumps({
    "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
    "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": at(0),
    "epcisBody": {"eventList": events},
}, indent=1))
