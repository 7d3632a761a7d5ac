"""Word patterns that tell a job title from an employer, shared by contact and entries."""

from __future__ import annotations

import re

TITLE_WORDS = re.compile(
    r"\b(coder|coding|specialist|biller|billing|technician|tech|analyst|manager|auditor|"
    r"assistant|representative|rep|clerk|coordinator|intern|extern|director|supervisor|lead|"
    r"nurse|rn|lpn|reviewer|associate|officer|educator|registrar|consultant|administrator|"
    r"abstractor|processor|poster|advocate|accountant|agent|engineer|developer|designer|"
    r"scientist|teacher|trainer|receptionist|scheduler|cashier|owner|founder|president|head|"
    r"executive|adjuster|examiner|counselor|volunteer|apprentice|trainee|aide|secretary|"
    r"bookkeeper|expert|advisor|adviser|server|coach|member|tutor|mentor|instructor|"
    r"registrar|validator|integrity|architect|programmer|researcher|nanny|worker|butcher|cook|"
    r"chef|driver|operator|attendant|helper|writer|editor|planner|buyer|inspector|"
    r"investigator|therapist|pharmacist|physician|hygienist|barista|bartender|waiter|waitress|"
    r"housekeeper|custodian|mechanic|electrician|carpenter|laborer|technologist|paralegal|"
    r"attorney|teller|underwriter|statistician|ceo|cto|cfo|coo|vp|vice president|"
    r"co-?founder|fellow|scholar|ambassador|steward|clinician|medic|caregiver|"
    r"dispatcher|estimator|controller|strategist|marketer|recruiter|lecturer|professor|"
    r"postdoc|faculty|page|runner|host|hostess|crew|"
    r"sales|customer service)s?\b",
    re.IGNORECASE,
)
ORG_WORDS = re.compile(
    r"\b(hospital|clinic|health|healthcare|medical center|medical group|center|centre|llc|inc|"
    r"corp|corporation|company|co\.|group|associates|partners|university|college|services|"
    r"systems|solutions|trust|foundation|physicians|practice|pllc|ltd|plc|nhs|institutes?|"
    r"network|care|labs?|pharmacy|insurance|bank|agency|department|office|school|county|"
    r"state of|city of|army|navy|air force|usaf|va|government|ministry|hotel)\b",
    re.IGNORECASE,
)
