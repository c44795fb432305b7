"""The life of an account through python zeep, from the served WSDL. Settings come from the environment (README.md
beside the stacks); prints a JSON summary on stdout."""
import hashlib
import json
import os
import time
from datetime import datetime
from zoneinfo import ZoneInfo

import zeep
from zeep import xsd
from zeep.exceptions import Fault
from zeep.wsse.username import UsernameToken

env = os.environ
NS = "http://guichet.fr/ws/registering/v1"
client = zeep.Client(env["GUICHET_ENDPOINT"] + "?wsdl",
                     wsse=UsernameToken(env["GUICHET_WSSE_USERNAME"], env["GUICHET_WSSE_SECRET"], use_digest=True))
service = client.service

# The account's credentials: <context><user><login/><password/></user></context> in the service namespace.
context = xsd.Element("{%s}context" % NS, xsd.ComplexType([xsd.Element("{%s}user" % NS, xsd.ComplexType([
    xsd.Element("{%s}login" % NS, xsd.String()), xsd.Element("{%s}password" % NS, xsd.String())]))]))


def as_user(login, password):
    return {"_soapheaders": [context(user={"login": login, "password": password})]}


admin = as_user(env["GUICHET_ADMIN_LOGIN"], env["GUICHET_ADMIN_PASSWORD"])
address = {"Street": "1 rue de la Paix", "City": "Paris", "PostalCode": "75002", "Country": "FR"}
gdpr = {"LastName": "Durand", "FirstName": "Paul", "Function": "DPO", "Phone": "0140000001", "Email": "dpo@example.fr"}


def primary_file(name, siret="73282932000074", postal_code="75002"):
    return {
        "AccountName": name, "Category": "COMPANY", "Siret": siret, "CompanyName": "Boulangerie Martin",
        "SecondaryAccountCount": "5", "Address": dict(address, PostalCode=postal_code),
        "Manager": {"Civility": "MS", "LastName": "Martin", "FirstName": "Claire",
                    "Email": "claire.martin@example.fr", "Phone": "0140000000"},
        "Teleprocedures": {"Teleprocedure": ["TVA", "TDFC"]}, "GdprContact": gdpr,
        "Billing": {"StartDate": "2026-01-01", "VatNumber": "FR40303265045"},
    }


def sso_token(login):
    """sso:<yyMMdd>:<HHmm>:<hex sha256(key + login + yyMMdd + HHmm)>, in the white label's time zone."""
    now = datetime.now(ZoneInfo(env["GUICHET_SSO_TIMEZONE"]))
    date, hour = now.strftime("%y%m%d"), now.strftime("%H%M")
    digest = hashlib.sha256((env["GUICHET_SSO_KEY"] + login.lower() + date + hour).encode()).hexdigest()
    return f"sso:{date}:{hour}:{digest}"


summary = {"stack": f"python zeep {zeep.__version__}"}

# 1. Register a primary (white label only); the administrator validates and enrols it; the worker registers it.
primary = service.registerPrimaryAccount(account=primary_file(env["GUICHET_PRIMARY_NAME"]))
states = [primary.State]
states.append(service.changeAccountStatus(accountName=primary.Login, action="VALIDATE", **admin).State)
states.append(service.changeAccountStatus(accountName=primary.Login, action="ENROLL", **admin).State)
deadline = time.monotonic() + 30
while states[-1] != "REGISTERED" and time.monotonic() < deadline:  # each state once, in order
    time.sleep(0.2)
    state = service.getAccountState(accountName=primary.Login, **admin).State
    if state != states[-1]:
        states.append(state)
summary.update(primaryLogin=primary.Login, folderNumber=primary.FolderNumber, states=states)

# 2. The primary registers a secondary, modifies itself, reads both states.
me = as_user(primary.Login, primary.Password)
secondary = service.registerSecondaryAccount(account={
    "AccountName": env["GUICHET_SECONDARY_NAME"], "Siret": "73282932000074", "CompanyName": "Boulangerie Martin Lyon",
    "Address": {"Street": "2 place Bellecour", "City": "Lyon", "PostalCode": "69002", "Country": "FR"},
    "Manager": {"Civility": "MR", "LastName": "Petit", "FirstName": "Jean", "Email": "jean.petit@example.fr",
                "Phone": "+33472000000"},
    "Teleprocedures": {"Teleprocedure": ["TVA"]}, "GdprContact": gdpr}, **me)
summary.update(secondaryLogin=secondary.Login, secondaryState=secondary.State)
modified = service.modifyPrimaryAccount(account={"AccountName": primary.Login, "CompanyName": env["GUICHET_NEW_COMPANY_NAME"]}, **me)
summary["modifiedState"] = modified.State
summary["readStates"] = [service.getAccountState(accountName=login, **me).State for login in (primary.Login, secondary.Login)]

# 3. One call authenticated by an SSO token instead of the password.
summary["ssoState"] = service.getAccountState(accountName=primary.Login, **as_user(primary.Login, sso_token(primary.Login))).State

# 4. A file with a bad SIRET and a bad postal code: the fault's code and its per-field errors, from the detail.
try:
    service.registerPrimaryAccount(account=primary_file(env["GUICHET_PRIMARY_NAME"] + "x", "73282932000075", "750"))
    summary["fault"] = None
except Fault as fault:
    detail = fault.detail.find("{%s}RegisteringFault" % NS)
    summary["fault"] = {
        "faultcode": fault.code.split(":")[-1],
        "code": detail.findtext("{%s}Code" % NS),
        "errors": [{"field": f.findtext("{%s}Field" % NS), "code": f.findtext("{%s}Code" % NS)}
                   for f in detail.iterfind("{%s}Errors/{%s}FieldFault" % (NS, NS))],
    }

print(json.dumps(summary))
