"""An independent verifier of pda archives, sharing no code with pda.

Checks, for an unzipped archive (the bag folder, or a folder holding it):
- every item's `authorship.vc.json` and the seal `signatures/tagmanifest-sha512.vc.json`:
  Data Integrity `eddsa-jcs-2022` (RFC 8785 canonical JSON via `rfc8785`, SHA-256, Ed25519 via
  `cryptography`, the key taken from the did:key with `base58`), issuer = signer = the owner;
- every `digestSRI` (sha384) against the file it names (`arcp://uuid,<External-Identifier>/…`);
- every file of an item folder is covered by its claim, and the seal covers tagmanifest-sha512.txt.

Usage: python verify_archive.py BAG_FOLDER [--owner DID]. Exit 0 when all holds, 1 otherwise.
"""
import argparse
import base64
import hashlib
import json
import sys
from pathlib import Path

import base58
import rfc8785
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
ED25519_PUB = b"\xed\x01"


def did_key_public(verification_method):
    """did:key:z6Mk…#z6Mk… → Ed25519 public key (multicodec 0xed01 + 32 bytes, base58btc)."""
    did, _, fragment = verification_method.partition("#")
    if not did.startswith("did:key:z"):
        raise ValueError("not a base58btc did:key")
    multibase = did[len("did:key:"):]
    if fragment and fragment != multibase:
        raise ValueError("verification method fragment is not the key itself")
    raw = base58.b58decode(multibase[1:])
    if not raw.startswith(ED25519_PUB) or len(raw) != 34:
        raise ValueError("not an Ed25519 did:key")
    return did, Ed25519PublicKey.from_public_bytes(raw[2:])


def check_proof(credential):
    """eddsa-jcs-2022 (W3C vc-di-eddsa §3.3): returns (problems, signer DID)."""
    proof = credential.get("proof")
    if not isinstance(proof, dict):
        return ["no proof"], None
    problems = []
    for key, wanted in (("type", "DataIntegrityProof"), ("cryptosuite", "eddsa-jcs-2022"), ("proofPurpose", "assertionMethod")):
        if proof.get(key) != wanted:
            problems.append(f"proof {key} is not {wanted}")
    document = {k: v for k, v in credential.items() if k != "proof"}
    options = {k: v for k, v in proof.items() if k != "proofValue"}
    if options.get("@context") != document.get("@context"):
        problems.append("proof @context differs from the document's")
    try:
        signer, public_key = did_key_public(options.get("verificationMethod", ""))
        value = proof.get("proofValue", "")
        if not value.startswith("z"):
            raise ValueError("proofValue is not base58btc multibase")
        signature = base58.b58decode(value[1:])
        data = hashlib.sha256(rfc8785.dumps(options)).digest() + hashlib.sha256(rfc8785.dumps(document)).digest()
        public_key.verify(signature, data)
    except InvalidSignature:
        return problems + ["signature does not verify"], None
    except (ValueError, TypeError) as e:
        return problems + [f"proof unusable: {e}"], None
    return problems, signer


def check_credential(path, owner, expected_id):
    """Returns (problems, issuer, credential)."""
    try:
        credential = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return ["not readable JSON"], None, None
    problems, signer = check_proof(credential)
    issuer = credential.get("issuer")
    if isinstance(issuer, dict):
        issuer = issuer.get("id")
    if signer and signer != issuer:
        problems.append(f"signed by {signer}, not by its issuer {issuer}")
    if owner and issuer != owner:
        problems.append(f"issued by {issuer}, not by the owner {owner}")
    context = credential.get("@context")
    if not isinstance(context, list) or not context or context[0] != VC_CONTEXT:
        problems.append("@context is not the VC 2.0 context")
    types = credential.get("type") or []
    # A person's archive holds authorship claims; a collective's, the organisation's attestations.
    if "VerifiableCredential" not in types or not ({"AuthorshipCredential", "ProvenanceAttestation"} & set(types)):
        problems.append("type is not VerifiableCredential + AuthorshipCredential or ProvenanceAttestation")
    if credential.get("id") != expected_id:
        problems.append("id does not name this file")
    return problems, issuer, credential


def sri_matches(sri, path):
    algorithm, _, b64 = sri.partition("-")
    if algorithm not in ("sha256", "sha384", "sha512"):
        return False
    digest = hashlib.new(algorithm)
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return base64.b64decode(b64) == digest.digest()


def check_resources(credential, bag, base, folder):
    """digestSRI of every relatedResource; returns (problems, covered bag paths)."""
    problems, covered = [], set()
    for resource in credential.get("relatedResource") or []:
        rid, sri = resource.get("id", ""), resource.get("digestSRI", "")
        if not rid.startswith(base):
            problems.append(f"names {rid}, outside this archive")
            continue
        rel = rid[len(base):]
        if not rel.startswith(folder) or ".." in rel.split("/"):
            problems.append(f"names {rel}, outside {folder or 'the bag'}")
            continue
        covered.add(rel)
        if not (bag / rel).is_file():
            problems.append(f"{rel}: named but missing")
        elif not sri_matches(sri, bag / rel):
            problems.append(f"{rel}: digestSRI does not match")
    return problems, covered


def check_tag_manifest(bag):
    """The seal reaches the payload only through tagmanifest-sha512.txt: it must list the tag
    files that list the payload, with their right SHA-512."""
    listed = {}
    for line in (bag / "tagmanifest-sha512.txt").read_text("utf-8").splitlines():
        digest, _, path = line.partition(" ")
        listed[path.strip()] = digest.lower()
    problems = []
    required = ["bagit.txt", "bag-info.txt"] + sorted(p.name for p in bag.glob("manifest-*.txt"))
    for name in required:
        if name not in listed:
            problems.append(f"tagmanifest-sha512.txt does not list {name}")
        elif hashlib.sha512((bag / name).read_bytes()).hexdigest() != listed[name]:
            problems.append(f"{name}: SHA-512 does not match tagmanifest-sha512.txt")
    return problems


def find_bag(folder):
    if (folder / "bagit.txt").is_file():
        return folder
    bags = [p for p in folder.iterdir() if (p / "bagit.txt").is_file()]
    if len(bags) != 1:
        sys.exit(f"{folder}: no single BagIt bag inside")
    return bags[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bag", type=Path)
    parser.add_argument("--owner", help="the owner's did:key, if known")
    args = parser.parse_args()
    bag = find_bag(args.bag)
    info = dict(line.split(": ", 1) for line in (bag / "bag-info.txt").read_text("utf-8").splitlines() if ": " in line)
    uuid = info.get("External-Identifier", "").removeprefix("urn:uuid:")
    base = f"arcp://uuid,{uuid}/"
    failures = 0

    seal_problems, owner, seal = check_credential(bag / "signatures/tagmanifest-sha512.vc.json", args.owner,
                                                  base + "signatures/tagmanifest-sha512.vc.json")
    if seal:
        problems, covered = check_resources(seal, bag, base, "")
        seal_problems += problems
        if "tagmanifest-sha512.txt" not in covered:
            seal_problems.append("does not cover tagmanifest-sha512.txt")
        seal_problems += check_tag_manifest(bag)
    owner = args.owner or owner
    print(f"seal: {'OK' if not seal_problems else 'FAILED'} (owner {owner})")
    for problem in seal_problems:
        print(f"  seal: {problem}")
    failures += bool(seal_problems)

    items = sorted({p.parent.relative_to(bag) for p in (bag / "data/items").glob("*/*/*") if p.is_file()})
    for folder in items:
        prefix = folder.as_posix() + "/"
        claim = bag / folder / "authorship.vc.json"
        problems, _, credential = check_credential(claim, owner, base + prefix + "authorship.vc.json")
        if credential:
            more, covered = check_resources(credential, bag, base, prefix)
            problems += more
            subject = credential.get("credentialSubject") or {}
            if subject.get("id") != base + prefix:
                problems.append("credentialSubject is not this item")
            if "AuthorshipCredential" in credential.get("type", []) and subject.get("author") != credential.get("issuer"):
                problems.append("author is not the issuer")
            for file in sorted((bag / folder).rglob("*")):
                rel = file.relative_to(bag).as_posix()
                if file.is_file() and file != claim and rel not in covered:
                    problems.append(f"{rel}: not covered by the claim")
        failures += bool(problems)
        for problem in problems:
            print(f"  {folder.relative_to('data').as_posix()}: {problem}")
    if failures:
        print(f"INVALID: {failures} credential(s) failed")
        return 1
    print(f"VALID: seal and {len(items)} item claims verified independently")
    return 0


if __name__ == "__main__":
    sys.exit(main())
