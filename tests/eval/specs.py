"""The labelled evaluation resumes: 44 fictional medical coders, billers, auditors and CDI staff.

Every string is written in the label markup of :mod:`tests.eval.markup`; the labels were
written by hand against the ids and forms of ``keyword_lists/vocabulary/*.toml`` (satisfied,
more general ids are not labelled: ``[Epic Resolute]{epic-resolute}`` does not also say
``epic``, because the matcher reports the longest match and the analyzer adds what it
satisfies). People, employers and contact details are invented: emails use example.com and
phones the 555-01xx range.

Profiles: outpatient, inpatient, billing, risk-adjustment, auditor, cdi, new-grad.
"""

from __future__ import annotations

from dataclasses import replace

from .model import Job, Person, ResumeSpec, School, Section, When

# ------------------------------------------------------------------ job pools
# key -> (title, bullets); employer, place and dates are chosen per resume.
POOL: dict[str, tuple[str, tuple[str, ...]]] = {
    # ---------------------------------------------------------- outpatient
    "op-profee": (
        "[Professional Fee Coder]{profee-coder}",
        (
            "Assign [ICD-10-CM]{icd-10-cm}, [CPT]{cpt} and [HCPCS Level II]{hcpcs} codes to [110+ office visits]{#q} a day "
            "for [family medicine]{primary-care} and [cardiology]{cardiology} providers",
            "Level [E/M]{e-m} visits under the [2021 E/M guidelines]{e-m-2021-guidelines}, scoring "
            "[medical decision making]{mdm} from the note",
            "Apply [modifier 25]{modifier-25} and [modifier 59]{modifier-59} and clear [NCCI edits]{ncci} before claims are released",
            "Hold a [97%]{#q} [accuracy rate]{coding-accuracy} on quarterly reviews by an outside firm",
        ),
    ),
    "op-clinic": (
        "[Medical Coder]{medical-coder}",
        (
            "Coded [orthopedic surgery]{orthopedics} and fracture care, tracking the "
            "[global surgical package]{global-surgical-package} for every procedure",
            "Used [3M Codefinder]{3m-codefinder} and [NCCI]{ncci} tables to catch [unbundling]{unbundling} "
            "before [claim submission]{claim-submission}",
            "Cut [coding]{medical-coding} lag from 5 days to [2 days]{#q} by working the "
            "[charge review]{charge-capture} queue each morning",
            "Answered front-office questions on [CPT]{cpt} and [ICD-10-CM]{icd-10-cm} code selection",
        ),
    ),
    "op-ed": (
        "[Emergency Department Coder]{ed-coder}",
        (
            "Coded facility and professional [emergency department]{emergency-department} visits for a "
            "[high-volume]{fast-paced-environment} Level II trauma center",
            "Assigned [ICD-10-CM]{icd-10-cm} and [CPT]{cpt} codes for injections, observation and critical care time",
            "Kept [coding accuracy]{coding-accuracy} at [96%]{#q} across [22,000 encounters]{#q} a year",
            "Sent [provider queries]{physician-query} on unclear laterality and missing procedure notes",
        ),
    ),
    "op-asc": (
        "[Surgical Coder]{surgical-coder}",
        (
            "Coded [operative reports]{surgical-coding} for a [multi-specialty]{multi-specialty} "
            "[ambulatory surgery center]{asc} covering [ophthalmology]{ophthalmology}, "
            "[gastroenterology]{gastroenterology} and [pain management]{anesthesia}",
            "Applied [OPPS status indicators]{status-indicators} and [APC]{apc} rules to facility claims",
            "Checked [LCD]{lcd} and [NCD]{ncd} coverage and issued [ABNs]{abn} with the front desk",
            "Reduced [claim denials]{denial-management} on implant cases by [30%]{#q}",
        ),
    ),
    "op-specialist": (
        "[Coding Specialist]{coding-specialist}",
        (
            "Coded [dermatology]{dermatology} and [urology]{urology} clinic visits and in-office procedures in "
            "[eClinicalWorks]{eclinicalworks}",
            "Built a [CPT-to-ICD crosswalk]{crosswalks} for the most common office procedures",
            "[Trained new staff]{mentoring} on [modifiers]{modifiers} and [medical necessity]{medical-necessity} checks",
            "Raised the [clean claim rate]{clean-claim-rate} to [98%]{#q}",
        ),
    ),
    "op-patient-access": (
        "[Patient Access Representative]{patient-access-representative}",
        (
            "[Verified insurance]{insurance-verification} and obtained [prior authorizations]{prior-authorization} "
            "for imaging and specialty visits",
            "Registered [60 patients]{#q} a day at a busy imaging registration desk",
        ),
    ),
    # ---------------------------------------------------------- inpatient
    "ip-coder": (
        "[Inpatient Coder]{inpatient-coder}",
        (
            "Code [inpatient]{inpatient-coding} stays with [ICD-10-CM and ICD-10-PCS]{icd-10-cm-pcs} for a "
            "420-bed teaching hospital, assigning [MS-DRG]{ms-drg} and [APR-DRG]{apr-drg}",
            "Select the [principal diagnosis]{principal-diagnosis} and secondary diagnoses by the "
            "[Official Guidelines for Coding and Reporting]{official-coding-guidelines} and [Coding Clinic]{coding-clinic}",
            "Assign [POA indicators]{poa} and confirm [CC/MCC]{cc-mcc} support with the [CDI]{cdi} team",
            "Average [2.2 charts per hour]{productivity,#q} at [96%]{#q} [coding accuracy]{coding-accuracy}",
        ),
    ),
    "ip-facility": (
        "[Facility Coder]{facility-coder}",
        (
            "Coded [hospital outpatient]{outpatient-coding} surgery, observation and [emergency room]{emergency-department} "
            "encounters with [ICD-10-CM]{icd-10-cm} and [CPT]{cpt}",
            "Worked the [DNFB]{dnfb} list daily and kept it under [$1.5 million]{#q}",
            "Used [3M 360 Encompass]{3m-360-encompass} and [Epic]{epic} to review [clinical documentation]{clinical-documentation}",
        ),
    ),
    "ip-him": (
        "[Health Information Technician]{health-information-technician}",
        (
            "Performed [chart abstraction]{abstracting} for the trauma and stroke registries",
            "Handled [release of information]{release-of-information} requests under [HIPAA]{hipaa}",
            "Managed [scanning and indexing]{scanning-indexing} of loose [medical records]{medical-records} for "
            "[inpatient]{inpatient-coding} units",
        ),
    ),
    "ip-lead": (
        "[Lead Coder]{medical-coder}",
        (
            "Supervise [8 coders]{medical-coder,#q} and [train new staff]{mentoring} on [ICD-10-PCS]{icd-10-pcs} root operations",
            "Cut [DNFB]{dnfb} days from 6.1 to [3.4]{#q} by reworking the [coding]{medical-coding} work queues",
            "Run monthly [DRG audits]{drg-validation} and report trends to the [revenue cycle]{revenue-cycle-management} committee",
        ),
    ),
    # ---------------------------------------------------------- billing
    "b-biller": (
        "[Medical Biller]{medical-biller}",
        (
            "Submit [180]{#q} [electronic claims]{claim-submission} a day on the [CMS-1500]{cms-1500} and "
            "[UB-04]{ub-04} through [Availity]{availity}",
            "[Post payments]{payment-posting} from [ERAs]{era-835} and paper [EOBs]{eob}, reconciling deposits daily",
            "Work [denials]{denial-management} by [CARC]{carc} and send [corrected claims]{appeals} within "
            "[timely filing limits]{timely-filing}",
            "Verify [coordination of benefits]{cob} before billing secondary payers",
        ),
    ),
    "b-ar": (
        "[AR Specialist]{ar-specialist}",
        (
            "Work [insurance follow-up]{ar-follow-up} on accounts over 90 days for [Medicare]{medicare}, "
            "[Medicaid]{medicaid} and [commercial payers]{commercial-payers}",
            "Lowered [days in AR]{days-in-ar} from 52 to [38]{#q} in one year",
            "Recovered [$410K]{#q} in [underpayments]{underpayments} by comparing remits to [fee schedules]{fee-schedules}",
            "Check claim status on [payer portals]{payer-portals} and [NaviNet]{navinet}",
        ),
    ),
    "b-denials": (
        "[Denials Specialist]{denials-specialist}",
        (
            "Track [denial trending]{denial-management} by payer and root cause in [Excel]{microsoft-excel} "
            "[pivot tables]{spreadsheets}",
            "Cut the [denial rate]{denial-rate} from 11% to [6%]{#q}",
            "Write [appeal letters]{appeals} citing [LCDs]{lcd}, [NCCI]{ncci} policy and [medical necessity]{medical-necessity}",
        ),
    ),
    "b-front": (
        "[Billing Specialist]{billing-specialist}",
        (
            "Handle [charge entry]{charge-capture} and [insurance verification]{insurance-verification} for a "
            "four-provider [family practice]{primary-care}",
            "Bill [Medicare]{medicare}, [Medicaid]{medicaid}, [BCBS]{bcbs} and [workers' compensation]{workers-compensation} "
            "claims in [Kareo]{tebra}",
            "Set up [patient statements]{patient-collections} and payment plans, lowering balances over 120 days by [25%]{#q}",
        ),
    ),
    "b-poster": (
        "[Payment Poster]{payment-poster}",
        (
            "Posted [ERA]{era-835} and [lockbox]{payment-posting} payments for a 40-physician group",
            "Resolved [credit balances]{credit-balances} and issued [patient refunds]{credit-balances} within 30 days",
        ),
    ),
    "b-rcm": (
        "[Revenue Cycle Specialist]{revenue-cycle-specialist}",
        (
            "Report [clean claim rate]{clean-claim-rate}, [denial rate]{denial-rate} and [days in A/R]{days-in-ar} "
            "to the [practice manager]{practice-manager} each month",
            "Moved claims from [Office Ally]{office-ally} to [Waystar]{waystar}, lifting first-pass payment to [94%]{#q}",
        ),
    ),
    # ---------------------------------------------------------- risk adjustment
    "ra-coder": (
        "[Risk Adjustment Coder]{risk-adjustment-coder}",
        (
            "Review [Medicare Advantage]{medicare-advantage} [medical records]{medical-records} for "
            "[retrospective risk adjustment]{risk-adjustment} projects at [25 charts per hour]{productivity,#q}",
            "Validate [HCC]{hcc} capture with [MEAT criteria]{meat} under [CMS-HCC V24]{cms-hcc} and [V28]{cms-hcc}",
            "Kept [coding accuracy]{coding-accuracy} at [98%]{#q} on client [RADV audits]{radv}",
            "Report the [RAF score]{raf} effect of new and dropped [HCCs]{hcc} to the quality team",
        ),
    ),
    "ra-hcc": (
        "[HCC Coder]{risk-adjustment-coder}",
        (
            "Code [ICD-10-CM]{icd-10-cm} diagnoses from [primary care]{primary-care} and specialist notes in "
            "[Epic]{epic} and [athenahealth]{athenahealth}",
            "Prepare pre-visit summaries that drive [gap closure]{risk-adjustment} for [40 providers]{#q}",
            "Deliver [provider education]{coding-education} on documenting diabetes, CKD and heart failure",
        ),
    ),
    "ra-analyst": (
        "[Coding Quality Analyst]{coding-auditor}",
        (
            "Perform [second-level review]{concurrent-review} of vendor-coded charts for [HCC]{hcc} [accuracy]{accuracy}",
            "Built [Excel]{microsoft-excel} dashboards of [RAF]{raf} trends by health plan",
        ),
    ),
    # ---------------------------------------------------------- auditor
    "au-auditor": (
        "[Coding Auditor]{coding-auditor}",
        (
            "Audit [E/M]{e-m} and [procedure coding]{medical-coding} for [120 providers]{#q} a year using "
            "[RAT-STATS]{audit-sampling} samples",
            "Deliver [provider education]{coding-education} that cut repeat errors by [40%]{#q}",
            "Track the [OIG Work Plan]{oig} and [RAC]{rac} targets and build the annual [coding audit]{coding-audit} plan",
            "Review [modifier 25]{modifier-25} and [modifier 59]{modifier-59} use against [NCCI]{ncci} and "
            "[payer policy]{payer-guidelines}",
        ),
    ),
    "au-compliance": (
        "[Coding Compliance Specialist]{coding-compliance-specialist}",
        (
            "Run [pre-bill audits]{coding-audit} on high-risk [DRG]{drg} pairs and short stays",
            "Investigate hotline reports of [upcoding]{upcoding} and [unbundling]{unbundling}, and quantify "
            "[overpayments]{overpayments} for refund",
            "Maintain the [compliance program]{coding-compliance} policy on [ethical coding]{coding-ethics}",
        ),
    ),
    "au-drg": (
        "[DRG Validator]{drg-validator}",
        (
            "Validated [MS-DRG]{ms-drg} assignment on [1,100]{#q} [inpatient]{inpatient-coding} claims a year, "
            "recovering [$2.3M]{#q}",
            "Wrote rebuttals for [RAC]{rac} and [MAC]{mac} [denials]{denial-management}",
        ),
    ),
    "au-educator": (
        "[Coding Educator]{coding-educator}",
        (
            "Teach [annual code updates]{coding-updates} to [60 coders]{medical-coder,#q} and [CDI]{cdi} staff",
            "Wrote [ICD-10-PCS]{icd-10-pcs} root operation guides and quizzes for new hires",
        ),
    ),
    # ---------------------------------------------------------- CDI
    "cdi-spec": (
        "[CDI Specialist]{cdi-specialist}",
        (
            "Perform [concurrent review]{concurrent-review} of [inpatient]{inpatient-coding} records on medical and "
            "surgical units, about [14 new reviews a day]{#q}",
            "Write [compliant queries]{physician-query} for sepsis, malnutrition and acute respiratory failure, "
            "with a [92%]{#q} agreement rate",
            "Raised [CC/MCC capture]{cc-mcc} by [9%]{#q} and the [case mix index]{cmi} from 1.62 to 1.71",
            "Reconcile the [working DRG]{drg-validation} with the [coder]{medical-coder}'s [final DRG]{drg-validation} on every discharge",
        ),
    ),
    "cdi-rn": (
        "Staff Nurse",
        (
            "Cared for five to six patients a shift on a 32-bed medical-surgical unit",
            "Charted assessments and care plans in [Cerner PowerChart]{oracle-health}",
        ),
    ),
    "cdi-outpatient": (
        "[Outpatient CDI Specialist]{cdi-specialist}",
        (
            "Review [primary care]{primary-care} schedules a week ahead for [HCC]{hcc} documentation gaps",
            "Lead [provider education]{coding-education} on [MEAT]{meat} and specificity; query "
            "volume fell [35%]{#q}",
        ),
    ),
    "cdi-second": (
        "[CDI Second Level Reviewer]{cdi-specialist}",
        (
            "Run [second-level review]{concurrent-review} of [PSI]{psi} and [HAC]{hac} cases before billing",
            "Defended [clinical validation]{clinical-validation} [denials]{denial-management} with payer medical directors, "
            "overturning [70%]{#q}",
        ),
    ),
    # ---------------------------------------------------------- new graduates
    "ng-extern": (
        "[Medical Coding]{medical-coding} Extern",
        (
            "[Abstracted]{abstracting} codes from [150]{#q} de-identified [outpatient]{outpatient-coding} charts and compared them "
            "with the [coder]{medical-coder}'s answers",
            "Shadowed [charge entry]{charge-capture} and [claim scrubbing]{claim-scrubbing} in [NextGen]{nextgen}",
        ),
    ),
    "ng-front": (
        "Medical Receptionist",
        (
            "Checked in [40 patients]{#q} a day, [verified insurance]{insurance-verification} and scheduled follow-ups",
            "Scanned intake forms into the [EHR]{ehr-emr}",
        ),
    ),
    "ng-research": (
        "Clinical Research Coordinator ([CRC]{!crc})",
        (
            "Screened and enrolled [35 participants]{#q} in two heart-failure trials",
            "Kept consent forms and source documents ready for sponsor monitoring visits",
        ),
    ),
    "ng-pharmacy": (
        "Pharmacy Technician",
        (
            "Filled [300 prescriptions a day]{#q} in a busy retail pharmacy",
            "Processed [insurance claims]{insurance-claims} and [prior authorizations]{prior-authorization} for medications",
        ),
    ),
}


# More duties per role, so that a resume carries the four to six bullets per role real ones do.
MORE: dict[str, tuple[str, ...]] = {
    "op-profee": (
        "Review [denials]{denial-management} for [medical necessity]{medical-necessity} and [bundling edits]{ncci} "
        "and send corrected codes to billing within [48 hours]{#q}",
        "Meet with providers monthly to share documentation tips for [E/M]{e-m} and preventive visits",
    ),
    "op-clinic": (
        "Assigned [HCPCS]{hcpcs} codes for casts, splints and [DME]{dme} supplied in clinic",
        "Kept a [98%]{#q} [audit score]{coding-accuracy} across four quarterly reviews",
    ),
    "op-ed": (
        "Applied [modifier 25]{modifier-25} to same-day procedures and checked [NCCI]{ncci} pairs in the [encoder]{encoder}",
        "Reviewed [emergency department]{emergency-department} facility levels against hospital criteria each month",
    ),
    "op-asc": (
        "Coded implants and supplies with [HCPCS Level II]{hcpcs} codes for [Medicare]{medicare} claims",
        "Worked with schedulers on [prior authorization]{prior-authorization} for [outpatient]{outpatient-coding} "
        "surgery cases",
    ),
    "op-specialist": (
        "Answered [coding]{medical-coding} questions from providers by phone and email",
    ),
    "op-patient-access": (
        "Explained [Medicare]{medicare} [ABN forms]{abn} to patients before imaging",
        "Scheduled follow-up visits and answered billing questions; [customer service]{customer-service} scores "
        "reached [96%]{#q}",
    ),
    "ip-coder": (
        "Review [clinical documentation]{clinical-documentation} for [HAC]{hac} and [PSI]{psi} conditions before "
        "final [coding]{medical-coding}",
        "Send [physician queries]{physician-query} through [Epic]{epic} and follow up within [24 hours]{#q}",
    ),
    "ip-facility": (
        "Assigned [revenue codes]{revenue-codes} and [modifiers]{modifiers} on [UB-04]{ub-04} claims for observation stays",
        "Cut the [coding]{medical-coding} backlog from 900 to [150 accounts]{#q} in six weeks",
    ),
    "ip-him": (
        "Prepared [medical records]{medical-records} for [RAC audit]{rac} requests and tracked every deadline",
        "Processed [40 record requests a day]{#q} from patients, attorneys and insurers",
    ),
    "ip-lead": (
        "Built weekly [productivity]{productivity} and [coding quality]{coding-accuracy} reports in "
        "[Excel]{microsoft-excel}",
        "Answer escalated [ICD-10-PCS]{icd-10-pcs} questions and keep the team's [Coding Clinic]{coding-clinic} "
        "library current",
    ),
    "b-biller": (
        "Answer patient billing questions by phone with patience and clear [communication]{communication-skills}",
    ),
    "b-ar": (
        "Prepare [appeals]{appeals} for [timely filing]{timely-filing} [denials]{denial-management} with proof of "
        "submission",
    ),
    "b-denials": (
        "Meet weekly with [patient access]{patient-access} on registration errors that cause "
        "[claim rejections]{claim-rejections}",
        "Recovered [$280K]{#q} in overturned [denials]{denial-management} in 2023",
    ),
    "b-front": (
        "Reconcile the daily deposit with [payment posting]{payment-posting} reports",
    ),
    "b-poster": (
        "Worked [payment posting]{payment-posting} exceptions and unapplied cash every afternoon",
        "Flagged [underpayments]{underpayments} against the [fee schedule]{fee-schedules} for follow-up",
    ),
    "b-rcm": (
        "Led a [denial prevention]{denial-management} project that raised the [clean claim rate]{clean-claim-rate} "
        "from 88% to [95%]{#q}",
        "Trained front-desk staff on [insurance verification]{insurance-verification} and "
        "[prior authorization]{prior-authorization}",
    ),
    "ra-coder": (
        "Send [provider queries]{physician-query} when [MEAT]{meat} support is missing",
    ),
    "ra-hcc": (
        "Track [RAF]{raf} changes for a panel of [9,000 members]{#q}",
        "Review [Medicare Advantage]{medicare-advantage} annual wellness visits for missed [HCCs]{hcc}",
    ),
    "ra-analyst": (
        "Audit [300 charts]{#q} a month from three [coding]{medical-coding} vendors",
        "Wrote feedback memos that lifted vendor [accuracy]{accuracy} from 91% to [96%]{#q}",
    ),
    "au-compliance": (
        "Review [OIG]{oig} and [RAC]{rac} target lists each quarter and add them to the audit plan",
        "Report results of [statistical sampling]{audit-sampling} reviews to the compliance committee",
    ),
    "au-drg": (
        "Reviewed [CC/MCC]{cc-mcc} and [principal diagnosis]{principal-diagnosis} selection on high-dollar cases",
        "Built a [DRG validation]{drg-validation} checklist used by [14 coders]{medical-coder,#q}",
    ),
    "au-educator": (
        "Ran new-hire training on [medical terminology]{medical-terminology} and "
        "[anatomy and physiology]{anatomy-physiology}",
        "Tracked [CEUs]{continuing-education} for the [coding]{medical-coding} team",
    ),
    "cdi-spec": (
        "Educate hospitalists on [SOI/ROM]{soi-rom} documentation at monthly meetings",
    ),
    "cdi-rn": (
        "Served as charge nurse and precepted new graduate nurses",
    ),
    "cdi-outpatient": (
        "Built [Epic]{epic} templates that prompt for [HCC]{hcc} specificity",
        "Closed [1,200]{#q} open care gaps with [primary care]{primary-care} teams",
    ),
    "cdi-second": (
        "[Mentored]{mentoring} six [CDI specialists]{cdi-specialist} on query compliance",
    ),
    "ng-extern": (
        "Completed [ICD-10-CM]{icd-10-cm} and [CPT]{cpt} practice audits with a [94%]{#q} score",
    ),
    "ng-front": (
        "Collected copays and balanced the cash drawer every day",
        "Used [athenahealth]{athenahealth} for scheduling and check-in",
    ),
    "ng-research": (
        "Entered study data into REDCap within [48 hours]{#q} of each visit",
    ),
    "ng-pharmacy": (
        "Kept patient information private under [HIPAA]{hipaa}",
    ),
}
POOL = {key: (title, bullets + MORE.get(key, ())) for key, (title, bullets) in POOL.items()}

# One more duty for most roles (kept apart so the labels above stay easy to review).
for _key, _more in {
    "op-profee": ("Track [LCD]{lcd} updates for [cardiology]{cardiology} testing and share the changes with the team",),
    "op-clinic": ("Worked [coding]{medical-coding} edits in the [claim scrubber]{claim-scrubbing} before claims went out",),
    "op-specialist": ("Kept the [CPT]{cpt} and [ICD-10-CM]{icd-10-cm} books and the [encoder]{encoder} current each January",),
    "op-patient-access": ("Entered demographics and insurance with [97%]{#q} first-pass [accuracy]{accuracy}",),
    "ip-facility": ("Answered [charge capture]{charge-capture} questions from [radiology]{radiology} and surgery departments",),
    "ip-him": ("Trained clinic staff on [HIPAA]{hipaa} and [release of information]{release-of-information} rules",),
    "ip-lead": ("Partner with the [CDI]{cdi} manager on query templates and [DRG]{drg} mismatches",),
    "b-biller": ("Fix [claim rejections]{claim-rejections} from the [clearinghouse]{clearinghouse} the same day",),
    "b-front": ("Confirm [prior authorization]{prior-authorization} before procedures and imaging",),
    "b-poster": ("Balanced daily [ERA]{era-835} batches to bank deposits with no unresolved variances",),
    "b-rcm": ("Built an [Excel]{microsoft-excel} [aging report]{ar-follow-up} the billing team uses every morning",),
    "ra-coder": ("Meet a daily target of [200 charts]{#q} while keeping [accuracy]{accuracy} above [97%]{#q}",),
    "ra-analyst": ("Present monthly quality results to the plan's [risk adjustment]{risk-adjustment} team",),
    "au-auditor": ("Score every audit with [AAPC]{aapc}-style audit tools and explain each error in plain language",),
    "au-drg": ("Trended [denials]{denial-management} by payer and [DRG]{drg} family for the finance team",),
    "au-educator": ("Built short e-learning modules on [E/M]{e-m} and [modifiers]{modifiers}",),
    "cdi-rn": ("Completed [Cerner]{oracle-health} super-user training and supported the unit at go-live",),
    "cdi-outpatient": ("Worked with [coders]{medical-coder} to align [HCC]{hcc} capture with [ICD-10-CM]{icd-10-cm} guidelines",),
    "ng-extern": ("Practiced [E/M]{e-m} leveling on sample notes with a supervising [coder]{medical-coder}",),
    "ng-research": ("Scheduled study visits and coordinated lab draws with the clinic team",),
    "ng-pharmacy": ("Trained two new technicians on the pharmacy system",),
}.items():
    POOL[_key] = (POOL[_key][0], POOL[_key][1] + _more)

# A second summary sentence per profile, as people reuse across versions of their resume.
PROFILE_LINE = {
    "outpatient": "Able to [work independently]{work-independently} from home or on site, and glad to help teammates.",
    "inpatient": "Enjoys the puzzle of complex surgical cases and reads every quarter's [Coding Clinic]{coding-clinic}.",
    "billing": "Patient and persistent on the phone with payers, and careful with every dollar posted.",
    "risk-adjustment": "Comfortable with [remote work]{remote-work} and daily production targets.",
    "auditor": "Writes audit reports that managers can act on and providers can learn from.",
    "cdi": "Builds trust with physicians through short, specific, [non-leading query]{physician-query} wording.",
    "new-grad": "Quick learner, comfortable with computers, and eager to grow on a [coding]{medical-coding} team.",
}


def J(key: str, employer: str, location: str, when: When | None, bullets: int | None = None,
      title: str | None = None, dates_text: str | None = None) -> Job:
    """A job from the pool at ``employer`` in ``location``; ``bullets`` keeps the first n."""
    t, bl = POOL[key]
    return Job(title or t, employer, location, when, bl if bullets is None else bl[:bullets], dates_text)


def summary(heading: str, *text: str, standard: bool = True) -> Section:
    return Section("summary", heading, standard, lines=text)


def skills(heading: str, *lines: str, standard: bool = True, bullets: bool = False) -> Section:
    return Section("skills", heading, standard, lines=lines, bullets=bullets)


def certs(heading: str, *lines: str, standard: bool = True) -> Section:
    return Section("certifications", heading, standard, lines=lines, bullets=True)


def exp(heading: str, *jobs: Job, standard: bool = True) -> Section:
    return Section("experience", heading, standard, jobs=jobs)


def edu(heading: str, *schools: School, standard: bool = True) -> Section:
    return Section("education", heading, standard, schools=schools)


def S(line: str, year: str = "") -> School:
    return School(line, year)


W = When
AAS_HIT = S("Associate of Applied Science, Health Information Technology, "
            "Lincoln Land Community College", "2016")

# ------------------------------------------------------------------ the resumes
_RESUMES: tuple[ResumeSpec, ...] = (
    # ============================================================ outpatient
    ResumeSpec(
        "op-maria-delgado", "outpatient", "docx",
        Person("Maria Delgado", "maria.delgado@example.com", "(217) 555-0142", "Springfield, IL", "Springfield, IL",
               "https://www.linkedin.com/in/maria-delgado-coder"),
        "[Certified Professional Coder (CPC)]{cpc} | [Outpatient]{outpatient-coding} & [Pro-Fee Coding]{pro-fee}",
        (
            summary("Professional Summary",
                    "[AAPC]{aapc}-[certified medical coder]{coding-certification} with six years of "
                    "[professional fee coding]{pro-fee} in [multi-specialty]{multi-specialty} clinics, focused on clean "
                    "[E/M]{e-m} leveling and [denial prevention]{denial-management}."),
            skills("Skills", "[ICD-10-CM]{icd-10-cm}, [CPT]{cpt}, [HCPCS Level II]{hcpcs}, [E/M coding]{e-m}, "
                   "[Modifiers]{modifiers}, [NCCI edits]{ncci}, [Epic]{epic}, [3M Codefinder]{3m-codefinder}, [HIPAA]{hipaa}"),
            certs("Certifications", "[Certified Professional Coder (CPC)]{cpc}, [AAPC]{aapc}, 2019"),
            exp("Professional Experience",
                J("op-profee", "Riverbend Medical Group", "Springfield, IL", W("long", (2021, 3))),
                J("op-clinic", "Lakeside Bone & Joint", "Decatur, IL", W("long", (2018, 6), (2021, 2))),
                J("op-patient-access", "St. Anne Community Hospital", "Springfield, IL", W("long", (2016, 8), (2018, 5)))),
            edu("Education", AAS_HIT),
        ),
        posting="outpatient-profee-coder", job_header="tab", heading_style="heading1",
        must_not=("acronym-long-form:CPC",),
    ),
    ResumeSpec(
        "op-darnell-okafor", "outpatient", "lo-pdf",
        Person("Darnell Okafor", "d.okafor@example.com", "614-555-0117", "Columbus, OH", "Columbus, OH"),
        "[Outpatient Coder]{outpatient-coder} | [CPC]{cpc}, [COC]{coc}",
        (
            summary("Profile",
                    "[Outpatient]{outpatient-coding} and [emergency department coding]{emergency-department} professional with "
                    "8 years in hospital and clinic settings. Comfortable with [E&M]{e-m} leveling, [modifiers]{modifiers} "
                    "and [provider queries]{physician-query}."),
            skills("Core Competencies",
                   "[ICD-10-CM]{icd-10-cm} | [CPT]{cpt} | [HCPCS]{hcpcs} | [E&M]{e-m} | [NCCI]{ncci} | [Meditech]{meditech} | "
                   "[Optum EncoderPro]{optum-encoderpro} | [Microsoft Excel]{microsoft-excel}"),
            certs("Licenses & Certifications", "[CPC]{cpc} – [AAPC]{aapc}", "[COC]{coc} – [AAPC]{aapc}"),
            exp("Work History",
                J("op-ed", "Scioto Valley Medical Center", "Columbus, OH", W("short", (2020, 1))),
                J("op-specialist", "Northgate Physician Partners", "Dublin, OH", W("short", (2017, 4), (2019, 12))),
                J("op-patient-access", "Mount Vernon Community Hospital", "Mount Vernon, OH", W("short", (2014, 8), (2017, 3)))),
            edu("Education", S("Bachelor of Science, [Health Information Management]{health-information-management}, "
                               "Ohio Dominican University", "2016")),
        ),
        posting="outpatient-profee-coder", job_header="pipe", heading_style="boldcaps",
        must=("acronym-long-form:CPC",),
    ),
    ResumeSpec(
        "op-priya-raman", "outpatient", "pdf",
        Person("Priya Raman", "priya.raman@example.com", "(813) 555-0189", "Tampa, FL", "Tampa, FL",
               "https://www.linkedin.com/in/priyaraman"),
        "[Medical Coder]{medical-coder} | [Certified Professional Coder]{cpc}",
        (
            summary("Summary",
                    "Detail-minded [coder]{medical-coder} with four years of [physician coding]{pro-fee} for "
                    "[dermatology]{dermatology}, [urology]{urology} and [orthopedics]{orthopedics}. Known for steady "
                    "[productivity]{productivity} and plain-spoken [provider education]{coding-education}."),
            skills("Skills",
                   "[ICD-10-CM]{icd-10-cm}, [CPT]{cpt}, [HCPCS Level II]{hcpcs}, [Evaluation and Management (E/M)]{e-m}, "
                   "[modifiers]{modifiers}, [global surgical package]{global-surgical-package}, "
                   "[eClinicalWorks]{eclinicalworks}, [Find-A-Code]{find-a-code}"),
            certs("Certifications", "[Certified Professional Coder]{cpc}, [AAPC]{aapc} (2021)"),
            exp("Experience",
                J("op-specialist", "Gulf Coast [Dermatology]{dermatology} & [Urology]{urology}", "Tampa, FL", W("mmyyyy", (2022, 5))),
                J("op-clinic", "Suncoast Bone & Joint", "Clearwater, FL", W("mmyyyy", (2020, 9), (2022, 4))),
                J("op-patient-access", "Tampa Bay Imaging", "Tampa, FL", W("mmyyyy", (2018, 6), (2020, 8)))),
            edu("Education", S("Associate of Science, Medical Office Administration, Hillsborough Community College", "2020")),
        ),
        posting="outpatient-profee-coder", job_header="tab", heading_style="caps",
        must=("acronym-long-form:CPC",),
    ),
    ResumeSpec(
        "op-hannah-kowalski", "outpatient", "docx-textbox",
        Person("Hannah Kowalski", "hkowalski@example.com", "608.555.0103", "Madison, WI", "Madison, WI"),
        "[Surgical Coder]{surgical-coder} | [CPC]{cpc}, [CASCC]{cascc}",
        (
            summary("Summary of Qualifications",
                    "[Ambulatory surgery center]{asc} [coder]{medical-coder} with seven years of facility and "
                    "[pro-fee]{pro-fee} experience across [ophthalmology]{ophthalmology}, GI and "
                    "spine cases."),
            skills("Key Skills",
                   "[ICD-10-CM]{icd-10-cm}", "[CPT]{cpt}", "[HCPCS]{hcpcs}", "[OPPS]{opps} and [APC]{apc}",
                   "[LCD]{lcd}/[NCD]{ncd} review", "[TruCode]{trucode}", "[athenahealth]{athenahealth}"),
            certs("Certifications", "[CPC]{cpc} ([AAPC]{aapc})",
                  "[Certified Ambulatory Surgical Center Coder (CASCC)]{cascc}"),
            exp("Professional Experience",
                J("op-asc", "Lakeview [Surgery Center]{asc}", "Madison, WI", W("sept", (2022, 9))),
                J("op-profee", "Capitol Physicians Group", "Madison, WI", W("sept", (2018, 2), (2022, 8))),
                J("op-patient-access", "Dane County Clinic", "Madison, WI", W("sept", (2016, 5), (2018, 1)))),
            edu("Education", S("[Medical Coding]{medical-coding} Diploma, Madison Area Technical College", "2017")),
        ),
        posting="outpatient-profee-coder", job_header="tab", heading_style="boldcaps",
    ),
    ResumeSpec(
        "op-luis-ortega", "outpatient", "txt",
        Person("Luis Ortega", "luis.ortega@example.com", "(915) 555-0128", "El Paso, TX", "El Paso, TX"),
        "[ED Coder]{ed-coder} - [CPC]{cpc}, [CEDC]{cedc}",
        (
            summary("Summary",
                    "[Emergency department coder]{ed-coder} with 5 years of facility and "
                    "professional [E/M]{e-m} leveling in a Level I trauma center. [Bilingual]{bilingual} "
                    "(English/Spanish)."),
            skills("Skills",
                   "[ICD-10-CM]{icd-10-cm}, [CPT]{cpt}, [E/M]{e-m}, [modifier 25]{modifier-25}, [NCCI]{ncci}, "
                   "[Epic]{epic}, [3M encoder]{3m-codefinder}"),
            certs("Certifications", "[CPC]{cpc}, [AAPC]{aapc}", "[CEDC]{cedc}, [AAPC]{aapc}"),
            exp("Work Experience",
                J("op-ed", "Franklin Mountains Medical Center", "El Paso, TX", W("yy", (2020, 1))),
                J("op-patient-access", "Rio Grande Family Health", "El Paso, TX", W("yy", (2017, 3), (2019, 12))),
                J("op-clinic", "Sun City Bone & Joint", "El Paso, TX", W("yy", (2015, 6), (2017, 2)))),
            edu("Education", S("Certificate, [Medical Billing and Coding]{billing-and-coding}, El Paso Community College",
                               "2017")),
        ),
        posting="ed-coder", job_header="pipe", heading_style="caps",
    ),
    ResumeSpec(
        "op-grace-liu", "outpatient", "pdf-sidebar",
        Person("Grace Liu", "grace.liu@example.com", "(503) 555-0161", "Portland, OR", "Portland, OR"),
        "[Outpatient Coding Specialist]{outpatient-coder}",
        (
            summary("Summary",
                    "[Outpatient coder]{outpatient-coder} for hospital surgery and clinic "
                    "departments, with a [COC]{coc} and five years on [Epic]{epic}."),
            skills("Skills", "[ICD-10-CM]{icd-10-cm}", "[CPT]{cpt}", "[HCPCS]{hcpcs}", "[APC]{apc}", "[NCCI]{ncci}",
                   "[Epic]{epic}", "[3M 360 Encompass]{3m-360-encompass}"),
            certs("Certifications", "[Certified Outpatient Coder (COC)]{coc}"),
            exp("Experience",
                J("op-asc", "Willamette [Surgery Center]{asc}", "Portland, OR", W("to", (2021, 5))),
                J("op-clinic", "Columbia Gorge Medical Group", "Hood River, OR", W("to", (2018, 7), (2021, 4))),
                J("op-patient-access", "Mount Hood Medical Center", "Gresham, OR", W("to", (2016, 2), (2018, 6)))),
            edu("Education", S("Associate of Applied Science, Health Information "
                               "Technology, Portland Community College", "2018")),
        ),
        posting="outpatient-profee-coder", job_header="tab", heading_style="caps",
        must_not=("acronym-long-form:COC",),
    ),
    ResumeSpec(
        "op-samuel-adeyemi", "outpatient", "scanned",
        Person("Samuel Adeyemi", "s.adeyemi@example.com", "(919) 555-0176", "Raleigh, NC", "Raleigh, NC"),
        "[Professional Fee Coder]{profee-coder} | [CPC]{cpc}",
        (
            summary("Summary",
                    "[Pro-fee coder]{profee-coder} with six years of [primary care]{primary-care} and "
                    "[cardiology]{cardiology} [coding]{medical-coding}."),
            skills("Skills", "[ICD-10-CM]{icd-10-cm}, [CPT]{cpt}, [E/M]{e-m}, [modifiers]{modifiers}, [Epic]{epic}"),
            certs("Certifications", "[CPC]{cpc}, [AAPC]{aapc}"),
            exp("Experience",
                J("op-profee", "Triangle Heart & [Family Medicine]{primary-care}", "Raleigh, NC", W("long", (2019, 6))),
                J("op-patient-access", "Wake Valley Hospital", "Cary, NC", W("long", (2016, 1), (2019, 5)))),
            edu("Education", S("Certificate, [Medical Coding]{medical-coding}, Wake Technical Community College", "2018")),
        ),
        posting="outpatient-profee-coder", job_header="tab", heading_style="caps",
        note="A picture of a resume: no text layer, so an ATS sees nothing.",
    ),
    # ============================================================ inpatient
    ResumeSpec(
        "ip-keisha-washington", "inpatient", "docx",
        Person("Keisha Washington", "keisha.washington@example.com", "(501) 555-0134",
               "Little Rock, [AR]{!accounts-receivable}", "Little Rock, AR"),
        "[Inpatient Coder]{inpatient-coder} | [CCS]{ccs}, [RHIT]{rhit}",
        (
            summary("Professional Summary",
                    "[Certified Coding Specialist]{ccs} with seven years of "
                    "[inpatient coding]{inpatient-coding} at teaching and community hospitals: [MS-DRG]{ms-drg}, "
                    "[APR-DRG]{apr-drg} and [POA]{poa} assignment with steady [productivity]{productivity}."),
            skills("Areas of Expertise",
                   "[ICD-10-CM/PCS]{icd-10-cm-pcs}, [MS-DRG]{ms-drg}, [APR-DRG]{apr-drg}, [CC/MCC capture]{cc-mcc}, "
                   "[UHDDS]{uhdds}, [Coding Clinic]{coding-clinic}, [3M 360 Encompass]{3m-360-encompass}, "
                   "[Epic]{epic}"),
            certs("Certifications",
                  "[Certified Coding Specialist (CCS)]{ccs}, [AHIMA]{ahima}",
                  "[Registered Health Information Technician (RHIT)]{rhit}, [AHIMA]{ahima}"),
            exp("Professional Experience",
                J("ip-coder", "Arkansas Valley Medical Center", "Little Rock, [AR]{!accounts-receivable}",
                  W("long", (2020, 10))),
                J("ip-facility", "Pine Bluff Regional Hospital", "Pine Bluff, [AR]{!accounts-receivable}",
                  W("long", (2018, 1), (2020, 9))),
                J("ip-him", "Arkansas Valley Medical Center", "Little Rock, [AR]{!accounts-receivable}",
                  W("long", (2015, 6), (2017, 12)))),
            edu("Education", S("Associate of Applied Science, Health Information "
                               "Technology, Pulaski Technical College", "2017")),
        ),
        posting="inpatient-coder", job_header="tab", heading_style="heading1",
        must_not=("acronym-long-form:CCS",),
    ),
    ResumeSpec(
        "ip-robert-chen", "inpatient", "lo-pdf",
        Person("Robert Chen", "robert.chen@example.com", "(515) 555-0150", "Des Moines, IA", "Des Moines, IA"),
        "[Lead Coder]{medical-coder}, [Inpatient]{inpatient-coding} | [CCS]{ccs}",
        (
            summary("Summary",
                    "[Inpatient]{inpatient-coding} coding lead with 11 years of [ICD-10-PCS]{icd-10-pcs} and "
                    "[DRG]{drg} work, now supervising a remote team and its [DNFB]{dnfb}."),
            skills("[Technical Skills]{computer-proficiency}",
                   "[ICD-10-CM]{icd-10-cm}, [ICD-10-PCS]{icd-10-pcs}, [MS-DRG]{ms-drg}, [APR-DRG]{apr-drg}, "
                   "[SOI/ROM]{soi-rom}, [3M 360 Encompass]{3m-360-encompass}, [Epic]{epic}, "
                   "[Microsoft Excel]{microsoft-excel}"),
            certs("Certifications", "[CCS]{ccs}, [AHIMA]{ahima}"),
            exp("Professional Experience",
                J("ip-lead", "Raccoon River Health System", "Des Moines, IA", W("mmyyyy", (2021, 2))),
                J("ip-coder", "Mercy Prairie Hospital", "Ames, IA", W("mmyyyy", (2016, 6), (2021, 1))),
                J("ip-him", "Mercy Prairie Hospital", "Ames, IA", W("mmyyyy", (2014, 3), (2016, 5)))),
            edu("Education", S("Bachelor of Science, [Health Information Management]{health-information-management}, "
                               "Iowa State University", "2014")),
        ),
        posting="inpatient-coder", job_header="pipe", heading_style="boldcaps",
        must_not=("acronym-long-form:CCS",),  # the posting writes "CCS" too
        note="'Technical Skills' is the vocabulary's alias of computer-proficiency; the resume says it, so it counts.",
    ),
    ResumeSpec(
        "ip-fatima-hassan", "inpatient", "pdf-2col",
        Person("Fatima Hassan", "fatima.hassan@example.com", "(502) 555-0119", "Louisville, KY", "Louisville, KY"),
        "[Inpatient Coder]{inpatient-coder} | [RHIA]{rhia}, [CCS]{ccs}",
        (
            summary("Summary",
                    "[Registered Health Information Administrator]{rhia} [coding]{medical-coding} [inpatient]{inpatient-coding} surgical "
                    "and medical stays, with a habit of checking every [principal diagnosis]{principal-diagnosis} "
                    "against [Coding Clinic]{coding-clinic}."),
            exp("Experience",
                J("ip-coder", "Ohio River Medical Center", "Louisville, KY", W("long", (2019, 4))),
                J("ip-him", "Bluegrass Community Hospital", "Frankfort, KY", W("long", (2016, 7), (2019, 3))),
                J("op-patient-access", "Shelby County Clinic", "Shelbyville, KY", W("long", (2014, 5), (2016, 6)))),
            edu("Education", S("Bachelor of Science, [Health Information Management]{health-information-management}, "
                               "University of Louisville", "2016")),
            skills("Skills", "[ICD-10-CM]{icd-10-cm}", "[ICD-10-PCS]{icd-10-pcs}", "[MS-DRG]{ms-drg}",
                   "[POA indicators]{poa}", "[Cerner]{oracle-health}", "[3M Codefinder]{3m-codefinder}"),
            certs("Certifications", "[RHIA]{rhia} ([AHIMA]{ahima})", "[CCS]{ccs} ([AHIMA]{ahima})"),
        ),
        posting="inpatient-coder", job_header="tab", heading_style="caps",
    ),
    ResumeSpec(
        "ip-james-obrien", "inpatient", "docx-header",
        Person("James O'Brien", "jobrien@example.com", "860-555-0172", "Hartford, CT", "Hartford, CT"),
        "[Inpatient Coder]{inpatient-coder}",
        (
            summary("Professional Summary",
                    "[CCS]{ccs}-credentialed [inpatient coder]{inpatient-coder} with "
                    "strong [ICD-10-PCS]{icd-10-pcs} skills and five years in a Level I trauma hospital."),
            skills("Skills",
                   "[ICD-10-CM]{icd-10-cm}, [ICD-10-PCS]{icd-10-pcs}, [MS-DRG]{ms-drg}, [CC/MCC]{cc-mcc}, "
                   "[Epic]{epic}, [3M 360 Encompass]{3m-360-encompass}"),
            certs("Certifications", "[Certified Coding Specialist (CCS)]{ccs}, [AHIMA]{ahima}"),
            exp("Experience",
                J("ip-coder", "Capitol Region Medical Center", "Hartford, CT", W("long", (2020, 6))),
                J("ip-facility", "Farmington Valley Hospital", "Farmington, CT", W("long", (2018, 3), (2020, 5))),
                J("ip-him", "Farmington Valley Hospital", "Farmington, CT", W("long", (2016, 1), (2018, 2)))),
            edu("Education", S("Associate of Science, Health Information Technology, "
                               "Capital Community College", "2018")),
        ),
        posting="inpatient-coder", job_header="tab", heading_style="heading1",
    ),
    ResumeSpec(
        "ip-ana-morales", "inpatient", "docx",
        Person("Ana Morales", "ana.morales@example.com", "(225) 555-0145", "Baton Rouge, LA", "Baton Rouge, LA"),
        "[Facility Coder]{facility-coder} | [CCS]{ccs}",
        (
            summary("Summary",
                    "[Hospital coder]{facility-coder} moving from [outpatient]{outpatient-coding} to "
                    "[inpatient]{inpatient-coding} work; [CCS]{ccs} since 2021."),
            skills("Skills", "[ICD-10-CM]{icd-10-cm}, [ICD-10-PCS]{icd-10-pcs}, [CPT]{cpt}, [MS-DRG]{ms-drg}, "
                   "[Epic]{epic}, [3M 360 Encompass]{3m-360-encompass}"),
            certs("Certifications", "[CCS]{ccs} – [AHIMA]{ahima}"),
            exp("Experience",
                J("ip-coder", "Magnolia Regional Medical Center", "Baton Rouge, LA", W("long", (2022, 1))),
                J("ip-facility", "Bayou Community Hospital", "Gonzales, LA", W("mmyyyy", (2019, 8), (2021, 12))),
                J("ip-him", "Bayou Community Hospital", "Gonzales, LA", W("mmyyyy", (2017, 5), (2019, 7)))),
            edu("Education", S("Associate of Applied Science, Health Information "
                               "Technology, Baton Rouge Community College", "2017")),
        ),
        posting="inpatient-coder", job_header="stacked", heading_style="boldtitle",
        note="Dates mix month names and numbers on purpose (the mixed-format finding).",
    ),
    ResumeSpec(
        "ip-thomas-nguyen", "inpatient", "txt",
        Person("Thomas Nguyen", "thomas.nguyen@example.com", "(402) 555-0107", "Omaha, NE", "Omaha, NE"),
        "[Coding Manager]{coding-manager} | [RHIA]{rhia}, [CCS]{ccs}",
        (
            summary("Summary",
                    "[HIM]{health-information-management} and [coding]{medical-coding} leader with 20 years in hospital "
                    "[inpatient coding]{inpatient-coding}, [DRG audits]{drg-validation} and team "
                    "[leadership]{leadership}."),
            skills("Skills", "[ICD-10-CM/PCS]{icd-10-cm-pcs}, [MS-DRG]{ms-drg}, [APR-DRG]{apr-drg}, [DNFB]{dnfb}, "
                   "[3M 360 Encompass]{3m-360-encompass}, [Epic]{epic}"),
            certs("Certifications", "[RHIA]{rhia}, [AHIMA]{ahima}", "[CCS]{ccs}, [AHIMA]{ahima}"),
            exp("Experience",
                J("ip-lead", "Platte River Health", "Omaha, NE", W("years", (2016, 1)),
                  title="[Coding Manager]{coding-manager}"),
                J("ip-coder", "Heartland Medical Center", "Omaha, NE", W("years", (2008, 1), (2015, 12))),
                J("ip-him", "Heartland Medical Center", "Omaha, NE", W("years", (2004, 1), (2007, 12)))),
            edu("Education", S("Bachelor of Science, [Health Information Management]{health-information-management}, "
                               "College of Saint Mary", "2004")),
        ),
        posting="inpatient-coder", job_header="pipe", heading_style="caps",
        note="Roles that ended over ten years ago still carry bullets.",
    ),
    # ============================================================ billing
    ResumeSpec(
        "bill-tanya-brooks", "billing", "docx",
        Person("Tanya Brooks", "tanya.brooks@example.com", "(479) 555-0153", "Fort Smith, [AR]{!accounts-receivable}",
               "Fort Smith, AR"),
        "[Medical Biller]{medical-biller}",
        (
            summary("Professional Summary",
                    "[Medical billing]{medical-billing} professional with six years of [claim submission]{claim-submission}, "
                    "[payment posting]{payment-posting} and [denial management]{denial-management} for physician "
                    "practices."),
            skills("Skills",
                   "[CMS-1500]{cms-1500}, [UB-04]{ub-04}, [Availity]{availity}, [Kareo]{tebra}, [EOB]{eob} review, "
                   "[timely filing]{timely-filing}, [Medicare]{medicare} and [Medicaid]{medicaid} billing, "
                   "[10-key]{ten-key}"),
            certs("Certifications", "[Certified Professional Biller (CPB)]{cpb}, [AAPC]{aapc}"),
            exp("Work Experience",
                J("b-biller", "River Valley Physicians", "Fort Smith, [AR]{!accounts-receivable}", W("long", (2021, 1))),
                J("b-front", "Van Buren Family Clinic", "Van Buren, [AR]{!accounts-receivable}",
                  W("long", (2018, 9), (2020, 12))),
                J("b-poster", "Ozark [Medical Billing]{medical-billing} Services", "Fort Smith, [AR]{!accounts-receivable}",
                  W("long", (2017, 2), (2018, 8)))),
            edu("Education", S("Certificate, [Medical Billing and Coding]{billing-and-coding}, "
                               "University of Arkansas – Fort Smith", "2016")),
        ),
        posting="medical-biller", job_header="tab", heading_style="heading1",
        note="Employer 'Ozark Medical Billing Services' holds 'Medical Billing': labelled below.",
    ),
    ResumeSpec(
        "bill-miguel-santos", "billing", "lo-pdf",
        Person("Miguel Santos", "miguel.santos@example.com", "(210) 555-0126", "San Antonio, TX", "San Antonio, TX"),
        "[Accounts Receivable Specialist]{ar-specialist}",
        (
            summary("Summary",
                    "[AR]{accounts-receivable} professional with five years of [insurance follow-up]{ar-follow-up}, "
                    "[appeals]{appeals} and [underpayment recovery]{underpayments} for hospital-based physician groups."),
            skills("Core Competencies",
                   "[A/R follow-up]{ar-follow-up}, [denials management]{denial-management}, [EOB]{eob} and [ERA]{era-835} "
                   "review, [Epic Resolute Professional Billing]{epic-resolute-pb}, [Availity]{availity}, "
                   "[Microsoft Excel]{microsoft-excel}"),
            certs("Certifications", "[CPB]{cpb} – [AAPC]{aapc}"),
            exp("Professional Experience",
                J("b-ar", "Alamo Physician Services", "San Antonio, TX", W("short", (2021, 6))),
                J("b-denials", "Hill Country Health Partners", "New Braunfels, TX", W("short", (2019, 2), (2021, 5))),
                J("b-poster", "Alamo Physician Services", "San Antonio, TX", W("short", (2017, 1), (2019, 1)))),
            edu("Education", S("Associate of Applied Science, Business Administration, San Antonio College", "2018")),
        ),
        posting="ar-denials-specialist", job_header="pipe", heading_style="boldcaps",
    ),
    ResumeSpec(
        "bill-jennifer-park", "billing", "pdf",
        Person("Jennifer Park", "jennifer.park@example.com", "(316) 555-0198", "Wichita, KS", "Wichita, KS"),
        "[Denials Specialist]{denials-specialist} | [CPB]{cpb}",
        (
            summary("Summary",
                    "[Denial management]{denial-management} specialist who turns payer trends into fixes at the front "
                    "end; [analytical]{analytical-skills}, calm on the phone, and fast in [Excel]{microsoft-excel}."),
            skills("Skills",
                   "[CARCs]{carc} and [RARCs]{rarc}, [appeals]{appeals}, [LCD]{lcd}/[NCD]{ncd} policy, "
                   "[Medicare Advantage]{medicare-advantage}, [Waystar]{waystar}, [Epic]{epic}, "
                   "[Microsoft Excel]{microsoft-excel}"),
            certs("Certifications", "[Certified Professional Biller (CPB)]{cpb}"),
            exp("Experience",
                J("b-denials", "Prairie Sky Health System", "Wichita, KS", W("long", (2022, 3))),
                J("b-rcm", "Sunflower Medical Group", "Wichita, KS", W("long", (2019, 7), (2022, 2))),
                J("b-biller", "Sunflower Medical Group", "Wichita, KS", W("long", (2017, 5), (2019, 6)))),
            edu("Education", S("Bachelor of Business Administration, Wichita State University", "2017")),
        ),
        posting="ar-denials-specialist", job_header="tab", heading_style="caps",
    ),
    ResumeSpec(
        "bill-olivia-bennett", "billing", "docx-table",
        Person("Olivia Bennett", "olivia.bennett@example.com", "(804) 555-0111", "Richmond, VA", "Richmond, VA"),
        "[Medical Billing and Coding Specialist]{medical-billing-coding-specialist}",
        (
            summary("Summary",
                    "[Billing and coding specialist]{medical-billing-coding-specialist} for small practices: [charge entry]{charge-capture} "
                    "through [patient collections]{patient-collections}, with a [CBCS]{cbcs} and a friendly phone manner."),
            skills("Skills", "[CPT]{cpt}", "[ICD-10-CM]{icd-10-cm}", "[CMS-1500]{cms-1500}", "[AdvancedMD]{advancedmd}",
                   "[Office Ally]{office-ally}", "[prior authorization]{prior-authorization}",
                   "[customer service]{customer-service}"),
            certs("Certifications", "[Certified Billing and Coding Specialist (CBCS)]{cbcs}, [NHA]{nha}"),
            exp("Experience",
                J("b-front", "James River [Family Medicine]{primary-care}", "Richmond, VA", W("mmyyyy", (2020, 8))),
                J("op-patient-access", "Chesterfield Imaging", "Midlothian, VA", W("mmyyyy", (2018, 1), (2020, 7))),
                J("ng-front", "Short Pump Family Clinic", "Henrico, VA", W("mmyyyy", (2016, 3), (2017, 12)))),
            edu("Education", S("Certificate, [Medical Billing and Coding]{billing-and-coding}, "
                               "Reynolds Community College", "2019")),
        ),
        posting="billing-coding-clinic", job_header="tab", heading_style="boldcaps",
    ),
    ResumeSpec(
        "bill-marcus-johnson", "billing", "txt",
        Person("Marcus Johnson", "marcus.johnson@example.com", "205-555-0183", "Birmingham, AL", "Birmingham, AL"),
        "[Revenue Cycle Specialist]{revenue-cycle-specialist}",
        (
            summary("Summary",
                    "[Revenue cycle specialist]{revenue-cycle-specialist} with eight years in [hospital billing]{hospital-billing} "
                    "and [professional billing]{professional-billing}: [clean claims]{claim-scrubbing} out, cash in, [denials]{denial-management} "
                    "down."),
            skills("Skills",
                   "[UB-04]{ub-04}, [CMS-1500]{cms-1500}, [837I]{837i}, [837P]{837p}, [835]{era-835} remits, "
                   "[Waystar]{waystar}, [Epic Resolute Hospital Billing]{epic-resolute-hb}, "
                   "[clean claim rate]{clean-claim-rate}"),
            certs("Certifications", "[CRCR]{} – HFMA"),
            exp("Experience",
                J("b-rcm", "Magic City Medical Center", "Birmingham, AL", W("todate", (2019, 1))),
                J("b-ar", "Vulcan Physician Group", "Hoover, AL", W("years", (2015, 1), (2018, 12))),
                J("b-poster", "Vulcan Physician Group", "Hoover, AL", W("years", (2013, 1), (2014, 12)))),
            edu("Education", S("Bachelor of Science, Finance, University of Alabama at Birmingham", "2012")),
        ),
        posting="medical-biller", job_header="stacked", heading_style="caps",
        note="CRCR (HFMA) is not in the vocabulary: labelled with no id.",
    ),
    ResumeSpec(
        "bill-aisha-rahman", "billing", "pdf-2col",
        Person("Aisha Rahman", "aisha.rahman@example.com", "(518) 555-0137", "Albany, NY", "Albany, NY"),
        "[Billing Specialist]{billing-specialist}",
        (
            summary("Professional Summary",
                    "[Billing specialist]{billing-specialist} with four years of [insurance claims]{insurance-claims}, "
                    "[payment posting]{payment-posting} and [patient collections]{patient-collections} in a "
                    "[multi-specialty]{multi-specialty} group."),
            exp("Work Experience",
                J("b-front", "Hudson Valley Medical Associates", "Albany, NY", W("long", (2021, 9))),
                J("b-poster", "Capital District Billing Center", "Troy, NY", W("long", (2019, 6), (2021, 8))),
                J("ng-front", "Schenectady Family Clinic", "Schenectady, NY", W("long", (2017, 4), (2019, 5)))),
            edu("Education", S("Associate of Applied Science, Medical Office Assistant, Hudson Valley Community College",
                               "2019")),
            skills("Skills", "[CMS-1500]{cms-1500}", "[Medicaid]{medicaid}", "[Kareo]{tebra}", "[Availity]{availity}",
                   "[payment posting]{payment-posting}", "[Microsoft Office]{microsoft-office}"),
            certs("Certifications", "[CPB]{cpb} – [AAPC]{aapc}"),
        ),
        posting="medical-biller", job_header="tab", heading_style="caps",
    ),
    ResumeSpec(
        "bill-kevin-murphy", "billing", "docx",
        Person("Kevin Murphy", "kevin.murphy@example.com", "(208) 555-0168", "Boise, ID", "Boise, ID"),
        "[Medical Biller]{medical-biller}",
        (
            summary("Summary",
                    "[Medical biller]{medical-biller} with three years of [claim submission]{claim-submission} and "
                    "[AR follow-up]{ar-follow-up} for a rural health clinic network."),
            skills("Skills", "[CMS-1500]{cms-1500}, [Medicare]{medicare}, [Medicaid]{medicaid}, [athenahealth]{athenahealth}, "
                   "[denials]{denial-management}, [Microsoft Excel]{microsoft-excel}"),
            certs("Certifications", "[CPB]{cpb}, [AAPC]{aapc} (2023)"),
            exp("Experience",
                J("b-biller", "Snake River Rural Health", "Boise, ID", W("long", (2022, 4))),
                J("b-poster", "Treasure Valley Clinic", "Nampa, ID", W("long", (2020, 10), (2022, 3))),
                J("op-patient-access", "Boise Valley Clinic", "Boise, ID", W("long", (2018, 6), (2020, 9)))),
            edu("Education", S("Certificate, [Medical Billing and Coding]{billing-and-coding}, College of Western Idaho",
                               "2020")),
        ),
        posting="medical-biller", job_header="tab", heading_style="heading1",
        hidden="[CPC]{cpc} [CCS]{ccs} [RHIA]{rhia} [inpatient coding]{inpatient-coding} [MS-DRG]{ms-drg} "
               "[risk adjustment]{risk-adjustment} [HCC]{hcc}",
        note="White keyword stuffing at the end: the words are in the file, and hidden-text must be raised.",
    ),
    # ============================================================ risk adjustment
    ResumeSpec(
        "ra-linda-thompson", "risk-adjustment", "docx",
        Person("Linda Thompson", "linda.thompson@example.com", "(605) 555-0191", "Sioux Falls, SD", "Sioux Falls, SD"),
        "[Risk Adjustment Coder]{risk-adjustment-coder} | [CRC]{crc}, [CPC]{cpc}",
        (
            summary("Professional Summary",
                    "[Certified Risk Adjustment Coder (CRC)]{crc} and [Certified Professional Coder (CPC)]{cpc} with "
                    "six years of [Medicare Advantage]{medicare-advantage} [HCC]{hcc} review. [Remote coding]{remote-work} "
                    "since 2020."),
            skills("Skills",
                   "[ICD-10-CM]{icd-10-cm}, [HCC]{hcc}, [CMS-HCC V28]{cms-hcc}, [MEAT criteria]{meat}, [RAF]{raf}, "
                   "[RADV]{radv}, [Epic]{epic}, [Microsoft Excel]{microsoft-excel}"),
            certs("Certifications",
                  "[Certified Risk Adjustment Coder (CRC)]{crc}, [AAPC]{aapc}",
                  "[Certified Professional Coder (CPC)]{cpc}, [AAPC]{aapc}"),
            exp("Professional Experience",
                J("ra-coder", "Dakota Plains Health Plan", "Sioux Falls, SD", W("long", (2020, 3))),
                J("ra-hcc", "Prairie Lakes Medical Group", "Brookings, SD", W("long", (2018, 1), (2020, 2))),
                J("op-clinic", "Sioux Valley Bone & Joint", "Sioux Falls, SD", W("long", (2015, 3), (2017, 12)))),
            edu("Education", S("Associate of Applied Science, Health Information "
                               "Technology, Southeast Technical College", "2017")),
        ),
        posting="risk-adjustment-coder", job_header="tab", heading_style="heading1",
        must_not=("acronym-long-form:CRC", "acronym-long-form:CPC"),
    ),
    ResumeSpec(
        "ra-deepa-iyer", "risk-adjustment", "pdf-sidebar",
        Person("Deepa Iyer", "deepa.iyer@example.com", "(407) 555-0115", "Orlando, FL", "Orlando, FL"),
        "[HCC Coder]{risk-adjustment-coder}",
        (
            summary("Summary",
                    "[Risk adjustment coder]{risk-adjustment-coder} with a [CRC]{crc}, fluent in "
                    "[MEAT]{meat} and the [CMS-HCC]{cms-hcc} model, [25 charts per hour]{productivity} at "
                    "[95%+]{} [accuracy]{accuracy}."),
            skills("Skills", "[ICD-10-CM]{icd-10-cm}", "[HCC]{hcc}", "[RAF]{raf}", "[MEAT]{meat}", "[Epic]{epic}",
                   "[athenahealth]{athenahealth}"),
            certs("Certifications", "[CRC]{crc} ([AAPC]{aapc})"),
            exp("Experience",
                J("ra-hcc", "Sunshine Senior Health Plan", "Orlando, FL", W("long", (2021, 8))),
                J("ra-analyst", "Central Florida Risk Partners", "Orlando, FL", W("long", (2019, 5), (2021, 7))),
                J("op-specialist", "Lake Nona Medical Group", "Orlando, FL", W("long", (2016, 9), (2019, 4)))),
            edu("Education", S("Certificate, [Medical Coding]{medical-coding}, Valencia College", "2019")),
        ),
        posting="risk-adjustment-coder", job_header="tab", heading_style="caps",
        must=("acronym-long-form:CRC",),
    ),
    ResumeSpec(
        "ra-william-foster", "risk-adjustment", "lo-pdf",
        Person("William Foster", "will.foster@example.com", "(509) 555-0147", "Spokane, WA", "Spokane, WA"),
        "[Risk Adjustment Coder]{risk-adjustment-coder} | [CRC]{crc}, [CCS-P]{ccs-p}",
        (
            summary("Summary",
                    "[Risk adjustment coder]{risk-adjustment-coder} and former [physician coder]{profee-coder}; "
                    "[CRC]{crc} and [CCS-P]{ccs-p}, steady on [productivity]{productivity} and "
                    "[RADV]{radv} readiness."),
            skills("Areas of Expertise",
                   "[ICD-10-CM]{icd-10-cm}, [HCC]{hcc}, [CMS-HCC]{cms-hcc}, [HHS-HCC]{hhs-hcc}, [MEAT]{meat}, "
                   "[RAF]{raf}, [Cerner]{oracle-health}"),
            certs("Credentials", "[CRC]{crc}, [AAPC]{aapc}", "[CCS-P]{ccs-p}, [AHIMA]{ahima}"),
            exp("Experience",
                J("ra-coder", "Inland Northwest Health Plan", "Spokane, WA", W("myyyy", (2020, 11))),
                J("op-profee", "Riverpoint Medical Group", "Spokane, WA", W("myyyy", (2017, 3), (2020, 10))),
                J("op-patient-access", "Deaconess Clinic", "Spokane, WA", W("myyyy", (2014, 1), (2017, 2)))),
            edu("Education", S("Associate of Applied Science, Health Information "
                               "Technology, Spokane Community College", "2016")),
        ),
        posting="risk-adjustment-coder", job_header="stacked", heading_style="boldcaps",
            ),
    ResumeSpec(
        "ra-jasmine-carter", "risk-adjustment", "docx-header",
        Person("Jasmine Carter", "jasmine.carter@example.com", "(601) 555-0122", "Jackson, MS", "Jackson, MS"),
        "[Risk Adjustment Coder]{risk-adjustment-coder}",
        (
            summary("Summary",
                    "[CPC]{cpc} and [CRC]{crc} [coder]{medical-coder} reviewing [Medicare Advantage]{medicare-advantage} "
                    "and [ACA]{} charts for [HCC]{hcc} capture."),
            skills("Skills", "[ICD-10-CM]{icd-10-cm}, [HCC]{hcc}, [HHS-HCC]{hhs-hcc}, [RAF]{raf}, [MEAT]{meat}, "
                   "[Epic]{epic}"),
            certs("Certifications", "[CPC]{cpc}, [AAPC]{aapc}", "[CRC]{crc}, [AAPC]{aapc}"),
            exp("Experience",
                J("ra-coder", "Magnolia State Health Plan", "Jackson, MS", W("long", (2021, 2))),
                J("ra-hcc", "Delta [Primary Care]{primary-care} Network", "Greenwood, MS", W("long", (2018, 10), (2021, 1))),
                J("op-patient-access", "Capital City Clinic", "Jackson, MS", W("long", (2016, 2), (2018, 9)))),
            edu("Education", S("Certificate, [Medical Coding]{medical-coding}, Hinds Community College", "2018")),
        ),
        posting="risk-adjustment-coder", job_header="tab", heading_style="heading1",
    ),
    ResumeSpec(
        "ra-rachel-goldberg", "risk-adjustment", "pdf",
        Person("Rachel Goldberg", "rachel.goldberg@example.com", "(775) 555-0184", "Reno, NV", "Reno, NV"),
        "[Risk Adjustment Coding Auditor]{coding-auditor}",
        (
            summary("Summary",
                    "[CRC]{crc} and [CPMA]{cpma} who audits vendor [HCC]{hcc} [coding]{medical-coding} for [Medicare Advantage]{medicare-advantage} "
                    "plans and teaches [coders]{medical-coder} what the [RADV]{radv} auditors look for."),
            skills("Skills", "[HCC]{hcc}, [RADV]{radv}, [MEAT]{meat}, [RAF]{raf}, [coding audits]{coding-audit}, "
                   "[statistical sampling]{audit-sampling}, [Microsoft Excel]{microsoft-excel}"),
            certs("Certifications", "[Certified Risk Adjustment Coder (CRC)]{crc}",
                  "[Certified Professional Medical Auditor (CPMA)]{cpma}"),
            exp("Experience",
                J("ra-analyst", "Sierra Health Alliance", "Reno, NV", W("yy-curly", (2022, 1))),
                J("ra-coder", "Great Basin Health Plan", "Carson City, NV", W("yy-curly", (2018, 6), (2021, 12))),
                J("op-profee", "Washoe Physician Group", "Reno, NV", W("yy-curly", (2015, 1), (2018, 5)))),
            edu("Education", S("Bachelor of Science, [Health Information Management]{health-information-management}, "
                               "University of Nevada, Reno", "2018")),
        ),
        posting="risk-adjustment-coder", job_header="tab", heading_style="caps",
    ),
    ResumeSpec(
        "ra-carlos-mendez", "risk-adjustment", "docx",
        Person("Carlos Mendez", "carlos.mendez@example.com", "(520) 555-0139", "Tucson, AZ", "Tucson, AZ"),
        "[HCC Coder]{risk-adjustment-coder} | [CRC]{crc}",
        (
            summary("About Me",
                    "[Remote]{} [HCC coder]{risk-adjustment-coder} who enjoys the detective work of "
                    "[risk adjustment]{risk-adjustment}."),
            skills("My Coding Toolbox",
                   "[ICD-10-CM]{icd-10-cm}, [HCC]{hcc}, [MEAT]{meat}, [RAF]{raf}, [Epic]{epic}, [NextGen]{nextgen}",
                   standard=False),
            certs("Certifications", "[CRC]{crc} – [AAPC]{aapc}"),
            exp("Where I've Made an Impact",
                J("ra-hcc", "Saguaro Medical Partners", "Tucson, AZ", W("yearpresent", (2020, 1))),
                J("ra-analyst", "Desert Sky Health Plan", "Phoenix, AZ", W("yearpresent", (2017, 1), (2019, 12))),
                J("op-clinic", "Tucson Bone & Joint", "Tucson, AZ", W("yearpresent", (2014, 1), (2016, 12))),
                standard=False),
            edu("Education", S("Certificate, [Medical Coding]{medical-coding}, Pima Community College", "2016")),
        ),
        posting="risk-adjustment-coder", job_header="pipe", heading_style="heading1",
    ),
    # ============================================================ auditor
    ResumeSpec(
        "au-patricia-oneal", "auditor", "docx",
        Person("Patricia O'Neal", "patricia.oneal@example.com", "(937) 555-0156", "Dayton, OH", "Dayton, OH"),
        "[Coding Auditor]{coding-auditor} | [CPC]{cpc}, [CPMA]{cpma}, [CEMC]{cemc}",
        (
            summary("Professional Summary",
                    "[Certified Professional Medical Auditor (CPMA)]{cpma} with 18 years in [coding]{medical-coding}, "
                    "[coding compliance]{coding-compliance} and [provider education]{coding-education}."),
            skills("Core Competencies",
                   "[E/M]{e-m} auditing, [CPT]{cpt}, [ICD-10-CM]{icd-10-cm}, [HCPCS]{hcpcs}, [NCCI]{ncci}, [RAT-STATS]{audit-sampling}, "
                   "[OIG]{oig} guidance, [Microsoft Excel]{microsoft-excel}"),
            certs("Certifications",
                  "[Certified Professional Coder (CPC)]{cpc}",
                  "[Certified Professional Medical Auditor (CPMA)]{cpma}",
                  "[Certified Evaluation and Management Coder (CEMC)]{cemc}"),
            exp("Professional Experience",
                J("au-auditor", "Miami Valley Health Network", "Dayton, OH", W("long", (2017, 5))),
                J("au-educator", "Gem City Physicians", "Kettering, OH", W("long", (2013, 1), (2017, 4))),
                J("op-profee", "Gem City Physicians", "Kettering, OH", W("long", (2007, 3), (2012, 12)))),
            edu("Education", S("Bachelor of Science, Health Administration, Wright State University", "2006")),
        ),
        posting="coding-auditor", job_header="tab", heading_style="heading1",
        must_not=("acronym-long-form:CPMA",),
        note="The 2007–2012 role ended over ten years ago and still lists bullets.",
    ),
    ResumeSpec(
        "au-michael-brennan", "auditor", "lo-pdf",
        Person("Michael Brennan", "m.brennan@example.com", "(517) 555-0108", "Lansing, MI", "Lansing, MI"),
        "[Coding Compliance Specialist]{coding-compliance-specialist} | [CPMA]{cpma}, [CCS]{ccs}",
        (
            summary("Summary",
                    "[Compliance auditor]{coding-compliance-specialist} for hospital and [physician coding]{pro-fee}; "
                    "plans risk-based audits from the [OIG Work Plan]{oig} and [PEPPER]{} data."),
            skills("Skills",
                   "[coding audit]{coding-audit}, [MS-DRG]{ms-drg}, [E/M]{e-m}, [NCCI]{ncci}, [upcoding]{upcoding}, "
                   "[Stark Law]{stark-law}, [Anti-Kickback Statute]{anti-kickback-statute}, [False Claims Act]{false-claims-act}"),
            certs("Certifications", "[CPMA]{cpma}, [AAPC]{aapc}", "[CCS]{ccs}, [AHIMA]{ahima}"),
            exp("Professional Experience",
                J("au-compliance", "Great Lakes Health System", "Lansing, MI", W("short", (2019, 9))),
                J("au-drg", "Grand River Hospital", "Grand Rapids, MI", W("short", (2015, 8), (2019, 8))),
                J("ip-coder", "Grand River Hospital", "Grand Rapids, MI", W("short", (2012, 1), (2015, 7)))),
            edu("Education", S("Bachelor of Science, [Health Information Management]{health-information-management}, "
                               "Ferris State University", "2015")),
        ),
        posting="coding-auditor", job_header="pipe", heading_style="boldcaps",
        note="PEPPER is not in the vocabulary.",
    ),
    ResumeSpec(
        "au-sophia-rossi", "auditor", "pdf-2col",
        Person("Sophia Rossi", "sophia.rossi@example.com", "(603) 555-0140", "Manchester, NH", "Manchester, NH"),
        "[Coding Auditor]{coding-auditor} | [CPC]{cpc}, [CPMA]{cpma}",
        (
            summary("Summary",
                    "Physician practice auditor: [E/M]{e-m}, [surgical coding]{surgical-coding} and "
                    "[modifiers]{modifiers}, with clear written feedback that providers actually read."),
            exp("Experience",
                J("au-auditor", "Granite State Physician Network", "Manchester, NH", W("long", (2020, 2))),
                J("op-clinic", "Merrimack Bone & Joint", "Concord, NH", W("long", (2016, 4), (2020, 1))),
                J("op-patient-access", "Capital Region Imaging", "Concord, NH", W("long", (2013, 9), (2016, 3)))),
            edu("Education", S("Associate of Science, [Medical Coding]{medical-coding}, Manchester Community College",
                               "2016")),
            skills("Skills", "[E/M]{e-m}", "[CPT]{cpt}", "[HCPCS]{hcpcs}", "[modifiers]{modifiers}", "[NCCI]{ncci}",
                   "[coding audits]{coding-audit}", "[provider education]{coding-education}"),
            certs("Certifications", "[CPC]{cpc}", "[CPMA]{cpma}"),
        ),
        posting="coding-auditor", job_header="tab", heading_style="caps",
    ),
    ResumeSpec(
        "au-david-kim", "auditor", "docx-table",
        Person("David Kim", "david.kim@example.com", "(801) 555-0163", "Provo, UT", "Provo, UT"),
        "[DRG Validator]{drg-validator} | [RHIA]{rhia}, [CCS]{ccs}",
        (
            summary("Summary",
                    "[DRG validation specialist]{drg-validator} with nine years of "
                    "[inpatient coding]{inpatient-coding} and payer audit defense."),
            skills("Skills", "[MS-DRG]{ms-drg}", "[APR-DRG]{apr-drg}", "[ICD-10-PCS]{icd-10-pcs}", "[CC/MCC]{cc-mcc}",
                   "[RAC]{rac} audits", "[3M 360 Encompass]{3m-360-encompass}"),
            certs("Certifications", "[RHIA]{rhia}, [AHIMA]{ahima}", "[CCS]{ccs}, [AHIMA]{ahima}"),
            exp("Experience",
                J("au-drg", "Wasatch Health Alliance", "Provo, UT", W("long", (2019, 3))),
                J("ip-coder", "Utah Valley Regional Hospital", "Provo, UT", W("long", (2016, 1), (2019, 2))),
                J("ip-him", "Utah Valley Regional Hospital", "Provo, UT", W("long", (2013, 5), (2015, 12)))),
            edu("Education", S("Bachelor of Science, [Health Information Management]{health-information-management}, "
                               "Weber State University", "2015")),
        ),
        posting="coding-auditor", job_header="tab", heading_style="boldcaps",
    ),
    ResumeSpec(
        "au-angela-white", "auditor", "pdf",
        Person("Angela White", "angela.white@example.com", "(304) 555-0179", "Charleston, WV", "Charleston, WV"),
        "[Coding Educator]{coding-educator} | [CPC]{cpc}, [CPMA]{cpma}, [CDEO]{cdeo}",
        (
            summary("Summary",
                    "[Coding educator]{coding-educator} and auditor who builds training from audit findings; "
                    "[CPC]{cpc}, [CPMA]{cpma} and [Certified Documentation Expert Outpatient (CDEO)]{cdeo}."),
            skills("Skills", "[E/M]{e-m}, [ICD-10-CM]{icd-10-cm}, [ICD-10-PCS]{icd-10-pcs}, [CPT]{cpt}, "
                   "[coding education]{coding-education}, [PowerPoint]{microsoft-powerpoint}"),
            certs("Certifications", "[CPC]{cpc}", "[CPMA]{cpma}", "[CDEO]{cdeo}"),
            exp("Experience",
                J("au-educator", "Kanawha Valley Health", "Charleston, WV", W("to", (2020, 7))),
                J("au-auditor", "Mountain State Medical Group", "Huntington, WV", W("to", (2016, 2), (2020, 6))),
                J("op-profee", "Charleston Area Physicians", "Charleston, WV", W("to", (2011, 3), (2016, 1)))),
            edu("Education", S("Bachelor of Arts, Education, Marshall University", "2010")),
        ),
        posting="coding-auditor", job_header="tab", heading_style="caps",
        must=("acronym-long-form:CPMA",),
    ),
    ResumeSpec(
        "au-nadia-petrova", "auditor", "docx",
        Person("Nadia Petrova", "nadia.petrova@example.com", "(706) 555-0131", "Augusta, GA", "Augusta, GA"),
        "[Coding Auditor]{coding-auditor}",
        (
            summary("Summary",
                    "[CPC]{cpc} and [CPMA]{cpma} [coding auditor]{coding-auditor} for [multi-specialty]{multi-specialty} "
                    "physician groups."),
            skills("Skills", "[E/M]{e-m}, [CPT]{cpt}, [modifiers]{modifiers}, [NCCI]{ncci}, [RAT-STATS]{audit-sampling}"),
            certs("Certifications", "[CPC]{cpc} – [AAPC]{aapc}", "[CPMA]{cpma} – [AAPC]{aapc}"),
            exp("Experience",
                J("op-clinic", "Augusta Bone & Joint", "Augusta, GA", W("long", (2016, 5), (2019, 8))),
                J("au-auditor", "Savannah River Physician Partners", "Augusta, GA", W("long", (2019, 9))),
                J("op-patient-access", "Augusta Imaging Center", "Augusta, GA", W("long", (2013, 4), (2016, 4)))),
            edu("Education", S("Associate of Applied Science, Medical Office Administration, Augusta Technical College",
                               "2016")),
        ),
        posting="coding-auditor", job_header="tab", heading_style="heading1",
        note="The older role is listed first (not reverse-chronological).",
    ),
    # ============================================================ CDI
    ResumeSpec(
        "cdi-elizabeth-moore", "cdi", "docx",
        Person("Elizabeth Moore", "elizabeth.moore@example.com", "(520) 555-0102", "Tucson, AZ", "Tucson, AZ"),
        "[CDI Specialist]{cdi-specialist} | [RN]{rn}, [CCDS]{ccds}",
        (
            summary("Professional Summary",
                    "[Registered Nurse]{rn} with eight years of [clinical documentation integrity]{cdi} work. Led an "
                    "[epic]{!epic} effort to rebuild our query templates so they stay non-leading and [ACDIS]{acdis}-compliant."),
            skills("Skills",
                   "[CC/MCC capture]{cc-mcc}, [MS-DRG]{ms-drg}, [APR-DRG]{apr-drg}, [SOI/ROM]{soi-rom}, "
                   "[physician queries]{physician-query}, [clinical validation]{clinical-validation}, "
                   "[Cerner]{oracle-health}, [3M 360 Encompass]{3m-360-encompass}"),
            certs("Licenses & Certifications", "[Registered Nurse (RN)]{rn}, Arizona",
                  "[Certified Clinical Documentation Specialist (CCDS)]{ccds}, [ACDIS]{acdis}"),
            exp("Professional Experience",
                J("cdi-spec", "Sonoran Desert Medical Center", "Tucson, AZ", W("long", (2019, 1))),
                J("cdi-rn", "Catalina Foothills Hospital", "Tucson, AZ", W("long", (2013, 6), (2018, 12)),
                  title="Staff [Registered Nurse]{rn}"),
                J("ng-pharmacy", "Tucson Community Pharmacy", "Tucson, AZ", W("long", (2010, 6), (2013, 5)))),
            edu("Education", S("Bachelor of Science in Nursing, University of Arizona", "2013")),
        ),
        posting="cdi-specialist", job_header="tab", heading_style="heading1",
        must_not=("acronym-long-form:RN", "acronym-long-form:CCDS"),
    ),
    ResumeSpec(
        "cdi-brian-walsh", "cdi", "lo-pdf",
        Person("Brian Walsh", "brian.walsh@example.com", "(559) 555-0187", "Fresno, CA", "Fresno, CA"),
        "[Clinical Documentation Specialist]{cdi-specialist} | [CCS]{ccs}, [CDIP]{cdip}",
        (
            summary("Summary",
                    "Coder-background [CDI specialist]{cdi-specialist}: former [inpatient coder]{inpatient-coder} with [CCS]{ccs} and "
                    "[CDIP]{cdip}, strong on [DRG]{drg} logic and query compliance."),
            skills("Skills", "[ICD-10-CM/PCS]{icd-10-cm-pcs}, [MS-DRG]{ms-drg}, [CC/MCC]{cc-mcc}, "
                   "[Epic]{epic}, [3M 360 Encompass]{3m-360-encompass}"),
            certs("Certifications", "[CCS]{ccs} ([AHIMA]{ahima})", "[CDIP]{cdip} ([AHIMA]{ahima})"),
            exp("Experience",
                J("cdi-spec", "San Joaquin Valley Medical Center", "Fresno, CA", W("sept", (2021, 9))),
                J("ip-coder", "Sierra Vista Hospital", "Clovis, CA", W("sept", (2017, 1), (2021, 8))),
                J("ip-him", "Sierra Vista Hospital", "Clovis, CA", W("sept", (2015, 6), (2016, 12)))),
            edu("Education", S("Bachelor of Science, [Health Information Management]{health-information-management}, "
                               "Fresno Pacific University", "2016")),
        ),
        posting="cdi-specialist", job_header="pipe", heading_style="boldcaps",
    ),
    ResumeSpec(
        "cdi-maya-patel", "cdi", "pdf-sidebar",
        Person("Maya Patel", "maya.patel@example.com", "(816) 555-0113", "Independence, MO", "Independence, MO"),
        "[Outpatient CDI Specialist]{cdi-specialist}",
        (
            summary("Summary",
                    "[RN]{rn} and [CCDS-O]{ccds-o} focused on [outpatient]{outpatient-coding} [CDI]{cdi}: [HCC]{hcc} "
                    "capture before the visit and [provider education]{coding-education} after it."),
            skills("Skills", "[HCC]{hcc}", "[MEAT]{meat}", "[risk adjustment]{risk-adjustment}", "[Epic]{epic}",
                   "[physician queries]{physician-query}"),
            certs("Certifications", "[RN]{rn}, Missouri", "[CCDS-O]{ccds-o}"),
            exp("Experience",
                J("cdi-outpatient", "Blue River Health", "Kansas City, MO", W("long", (2021, 4))),
                J("cdi-rn", "Truman Medical Pavilion", "Independence, MO", W("long", (2016, 8), (2021, 3)),
                  title="Staff Nurse"),
                J("ng-pharmacy", "Independence Drug", "Independence, MO", W("long", (2013, 6), (2016, 7)))),
            edu("Education", S("Bachelor of Science in Nursing, University of Central Missouri", "2016")),
            Section("other", "Affiliations", lines=("[ACDIS]{acdis} member", "Kansas City [CDI]{cdi} networking group, program committee",)),
        ),
        posting="cdi-specialist", job_header="tab", heading_style="caps",
    ),
    ResumeSpec(
        "cdi-karen-lopez", "cdi", "docx-textbox",
        Person("Karen Lopez", "karen.lopez@example.com", "(251) 555-0170", "Mobile, AL", "Mobile, AL"),
        "[CDI Specialist]{cdi-specialist} | [RN]{rn}, [CDIP]{cdip}",
        (
            summary("Summary",
                    "[CDI nurse]{cdi-specialist} with six years of [concurrent review]{concurrent-review} and "
                    "[second-level review]{concurrent-review} at a regional referral hospital."),
            skills("Skills", "[CC/MCC]{cc-mcc}", "[PSI]{psi}", "[HAC]{hac}", "[SOI/ROM]{soi-rom}",
                   "[clinical validation]{clinical-validation}", "[Epic]{epic}"),
            certs("Certifications", "[Registered Nurse]{rn}, Alabama",
                  "[Certified Documentation Integrity Practitioner (CDIP)]{cdip}"),
            exp("Experience",
                J("cdi-second", "Gulf Coast Regional Medical Center", "Mobile, AL", W("long", (2022, 6))),
                J("cdi-spec", "Gulf Coast Regional Medical Center", "Mobile, AL", W("long", (2019, 1), (2022, 5))),
                J("cdi-rn", "Springhill Medical Pavilion", "Mobile, AL", W("long", (2012, 8), (2018, 12)), title="Staff [Registered Nurse]{rn}")),
            edu("Education", S("Associate Degree in Nursing, Bishop State Community College", "2012")),
        ),
        posting="cdi-specialist", job_header="tab", heading_style="boldcaps",
    ),
    ResumeSpec(
        "cdi-steven-clark", "cdi", "pdf",
        Person("Steven Clark", "steven.clark@example.com", "(406) 555-0195", "Billings, MT", "Billings, MT"),
        "[CDI Specialist]{cdi-specialist}",
        (
            summary("Summary",
                    "[Registered Nurse]{rn} turned [CDI specialist]{cdi-specialist}; [CCDS]{ccds} since 2020 and an "
                    "[ACDIS]{acdis} chapter volunteer."),
            skills("Skills", "[CC/MCC]{cc-mcc}, [MS-DRG]{ms-drg}, [physician query]{physician-query}, "
                   "[case mix index]{cmi}, [Meditech]{meditech}"),
            certs("Certifications", "[RN]{rn}, Montana", "[CCDS]{ccds}, [ACDIS]{acdis}"),
            exp("Experience",
                J("cdi-spec", "Yellowstone Regional Hospital", "Billings, MT", W("mmyyyy", (2020, 4))),
                J("cdi-rn", "Big Sky Medical Center", "Bozeman, MT", W("mmyyyy", (2014, 9), (2020, 3))),
                J("ng-pharmacy", "Gallatin Valley Pharmacy", "Bozeman, MT", W("mmyyyy", (2011, 5), (2014, 8)))),
            edu("Education", S("Bachelor of Science in Nursing, Montana State University", "2014")),
            Section("other", "Affiliations", lines=("[ACDIS]{acdis} Montana chapter, volunteer coordinator", "[AHIMA]{ahima} member",)),
        ),
        posting="cdi-specialist", job_header="tab", heading_style="caps",
    ),
    ResumeSpec(
        "cdi-yolanda-green", "cdi", "scanned",
        Person("Yolanda Green", "yolanda.green@example.com", "(907) 555-0144", "Anchorage, AK", "Anchorage, AK"),
        "[CDI Specialist]{cdi-specialist} | [RN]{rn}",
        (
            summary("Summary", "[CDI nurse]{cdi-specialist} with five years of [concurrent review]{concurrent-review}."),
            skills("Skills", "[CC/MCC]{cc-mcc}, [MS-DRG]{ms-drg}, [Epic]{epic}"),
            certs("Certifications", "[RN]{rn}, Alaska"),
            exp("Experience",
                J("cdi-spec", "Chugach Medical Center", "Anchorage, AK", W("long", (2020, 2))),
                J("cdi-rn", "Chugach Medical Center", "Anchorage, AK", W("long", (2015, 5), (2020, 1)))),
            edu("Education", S("Bachelor of Science in Nursing, University of Alaska Anchorage", "2015")),
        ),
        posting="cdi-specialist", job_header="tab", heading_style="caps",
    ),
    # ============================================================ new graduates
    ResumeSpec(
        "ng-emily-sanders", "new-grad", "docx",
        Person("Emily Sanders", "emily.sanders@example.com", "(812) 555-0125", "Evansville, IN", "Evansville, IN"),
        "[CPC-A]{cpc-a} | Entry-Level [Medical Coder]{medical-coder}",
        (
            summary("Objective",
                    "Newly certified [CPC-A]{cpc-a} seeking an entry-level [outpatient coder]{outpatient-coder} role; "
                    "strong in [medical terminology]{medical-terminology} and [anatomy and physiology]{anatomy-physiology}."),
            skills("Skills",
                   "[ICD-10-CM]{icd-10-cm}, [CPT]{cpt}, [HCPCS]{hcpcs}, [medical terminology]{medical-terminology}, "
                   "[pharmacology]{pharmacology}, [HIPAA]{hipaa}, [Microsoft Office]{microsoft-office}, "
                   "typing 65 [WPM]{typing}"),
            certs("Certifications",
                  "[Certified Professional Coder Apprentice (CPC-A)]{cpc-a,!cpc}, [AAPC]{aapc}, 2024"),
            exp("Experience",
                J("ng-extern", "Tri-State Bone & Joint Clinic", "Evansville, IN", W("season", (2024, 6), None)),
                J("ng-front", "Riverside Children's Clinic", "Newburgh, IN", W("long", (2021, 5), (2024, 4))),
                J("ng-pharmacy", "Evansville Drug", "Evansville, IN", W("long", (2019, 6), (2021, 4)))),
            edu("Education", S("Associate of Applied Science, [Medical Coding]{medical-coding}, Ivy Tech Community College",
                               "2024")),
            Section("other", "Affiliations", lines=("Member, [AAPC]{aapc} Evansville local chapter", "Volunteer, Evansville free clinic front desk (2022)",)),
        ),
        posting="outpatient-profee-coder", job_header="tab", heading_style="heading1",
        must=("credential-variant:CPC",),
        note="CPC-A is not CPC: cpc is a trap and the credential-variant finding must be raised.",
    ),
    ResumeSpec(
        "ng-tyler-reed", "new-grad", "pdf",
        Person("Tyler Reed", "tyler.reed@example.com", "(865) 555-0159", "Knoxville, TN", "Knoxville, TN"),
        "Entry-Level [Medical Coder]{medical-coder} | [CCA]{cca}",
        (
            summary("Career Objective",
                    "[Certified Coding Associate]{cca} moving from clinical research into [medical coding]{medical-coding}; "
                    "used to careful [chart review]{chart-review} and [confidential information]{confidentiality}."),
            skills("Skills", "[ICD-10-CM]{icd-10-cm}, [CPT]{cpt}, [medical terminology]{medical-terminology}, "
                   "[anatomy]{anatomy-physiology}, [Epic]{epic}, [Microsoft Excel]{microsoft-excel}"),
            certs("Certifications", "[Certified Coding Associate (CCA)]{cca}, [AHIMA]{ahima}, 2024"),
            exp("Experience",
                J("ng-research", "Smoky Mountain Heart Institute", "Knoxville, TN", W("myyyy", (2021, 7), (2024, 8))),
                J("ng-pharmacy", "Volunteer Pharmacy", "Maryville, TN", W("myyyy", (2019, 5), (2021, 6))),
                J("ng-front", "Knoxville Family Clinic", "Knoxville, TN", W("myyyy", (2017, 6), (2019, 4)))),
            edu("Education", S("Certificate, [Health Information Coding]{medical-coding}, "
                               "Pellissippi State Community College", "2024"),
                S("Bachelor of Science, Biology, University of Tennessee", "2019")),
            Section("other", "Affiliations", lines=("Student member of [AHIMA]{ahima} and the Tennessee [Health Information Management]{health-information-management} Association",)),
        ),
        posting="entry-level-coder", job_header="tab", heading_style="caps",
        note="'Clinical Research Coordinator (CRC)' is not the Certified Risk Adjustment Coder.",
    ),
    ResumeSpec(
        "ng-mei-lin", "new-grad", "txt",
        Person("Mei Lin", "mei.lin@example.com", "(402) 555-0192", "Lincoln, NE", "Lincoln, NE"),
        "[Medical Coding]{medical-coding} Graduate",
        (
            summary("Objective", "Entry-level [coder]{medical-coder} with a [CCA]{cca}."),
            skills("Skills", "[ICD-10-CM]{icd-10-cm}, [CPT]{cpt}, [HIPAA]{hipaa}"),
            certs("Certifications", "[CCA]{cca}, [AHIMA]{ahima}"),
            exp("Experience",
                J("ng-front", "Capitol Beach Clinic", "Lincoln, NE", W("years", (2022, 1)), bullets=1)),
            edu("Education", S("Diploma, [Medical Coding]{medical-coding}, Southeast Community College", "2024")),
        ),
        posting="entry-level-coder", job_header="pipe", heading_style="caps",
        note="Under 200 words on purpose (the length finding).",
    ),
    ResumeSpec(
        "ng-jordan-hayes", "new-grad", "lo-pdf",
        Person("Jordan Hayes", "jordan.hayes@example.com", "(480) 555-0174", "Mesa, AZ", "Mesa, AZ"),
        "[Medical Billing and Coding Specialist]{medical-billing-coding-specialist}",
        (
            summary("Objective",
                    "Recent [medical billing and coding]{billing-and-coding} graduate with a [CBCS]{cbcs}, "
                    "[customer service]{customer-service} experience and fast [data entry]{data-entry}."),
            skills("Skills", "[CPT]{cpt}, [ICD-10-CM]{icd-10-cm}, [CMS-1500]{cms-1500}, [insurance verification]{insurance-verification}, "
                   "[10-key]{ten-key}, [Microsoft Office]{microsoft-office}"),
            certs("Certifications", "[CBCS]{cbcs} – [NHA]{nha}"),
            exp("Experience",
                J("ng-extern", "Desert Valley [Family Medicine]{primary-care}", "Mesa, AZ", W("long", (2024, 1), (2024, 4)),
                  title="[Medical Billing and Coding]{billing-and-coding} Extern"),
                J("ng-pharmacy", "Saguaro Drug", "Tempe, AZ", W("long", (2020, 3), (2023, 12))),
                J("ng-front", "Mesa Family Clinic", "Mesa, AZ", W("long", (2018, 5), (2020, 2)))),
            edu("Education", S("Diploma, [Medical Billing and Coding]{billing-and-coding}, Pima Medical Institute", "2024"), S("Relevant courses: [medical terminology]{medical-terminology}, [insurance claims]{insurance-claims} processing and [HIPAA]{hipaa}")),
            Section("other", "Affiliations", lines=("Student member, [American Medical Billing Association]{amba}",)),
        ),
        posting="billing-coding-clinic", job_header="pipe", heading_style="boldcaps",
    ),
    ResumeSpec(
        "ng-isabel-cruz", "new-grad", "docx",
        Person("Isabel Cruz", "isabel.cruz@example.com", "(305) 555-0138", "Miami, FL", "Miami, FL"),
        "Entry-Level [Coder]{medical-coder} | [CPC-A]{cpc-a}",
        (
            summary("Objective",
                    "[Bilingual]{bilingual} (Spanish/English) [CPC-A]{cpc-a} ready to learn "
                    "[outpatient coding]{outpatient-coding} in a [fast-paced environment]{fast-paced-environment}."),
            skills("My Coding Toolbox",
                   "[ICD-10-CM]{icd-10-cm}, [CPT]{cpt}, [HCPCS]{hcpcs}, [medical terminology]{medical-terminology}, "
                   "[customer service]{customer-service}, [Microsoft Office]{microsoft-office}",
                   standard=False),
            certs("Certifications", "[CPC-A]{cpc-a,!cpc}, [AAPC]{aapc}"),
            exp("Experience",
                J("ng-front", "Little Havana Family Clinic", "Miami, FL", W("long", (2022, 2))),
                Job("Volunteer Front Desk Assistant", "Camillus Free Clinic", "Miami, FL", None,
                    ("Greeted walk-in patients and filed intake forms in English and Spanish",), dates_text="")),
            edu("Education", S("Certificate, [Medical Coding]{medical-coding}, Miami Dade College", "2024")),
        ),
        posting="entry-level-coder", job_header="tab", heading_style="heading1",
        note="The volunteer role has no dates at all (date-unparsed).",
    ),
    ResumeSpec(
        "ng-andre-thomas", "new-grad", "docx",
        Person("Andre Thomas", "andre.thomas@example.com", "(912) 555-0166", "Savannah, GA", "Savannah, GA"),
        "Entry-Level [Medical Coder]{medical-coder}",
        (
            summary("Objective",
                    "[CPC-A]{cpc-a} with a [patient access]{patient-access} background, looking for a remote or on-site "
                    "entry-level [coding]{medical-coding} role."),
            skills("Skills", "[ICD-10-CM]{icd-10-cm}, [CPT]{cpt}, [HCPCS]{hcpcs}, [insurance verification]{insurance-verification}, "
                   "[Epic]{epic}, [Microsoft Excel]{microsoft-excel}"),
            certs("Certifications", "[CPC-A]{cpc-a,!cpc} – [AAPC]{aapc}"),
            exp("Experience",
                J("op-patient-access", "Coastal Georgia Medical Center", "Savannah, GA", W("mmyyyy", (2022, 3))),
                J("ng-front", "Tybee [Family Practice]{primary-care}", "Savannah, GA", W("mmyyyy", (2021, 6), (2020, 1))),
                J("ng-pharmacy", "Savannah Drug", "Savannah, GA", W("mmyyyy", (2018, 2), (2019, 12)))),
            edu("Education", S("Certificate, [Medical Coding]{medical-coding}, Savannah Technical College", "2024"), S("Relevant courses: [medical terminology]{medical-terminology}, [anatomy and physiology]{anatomy-physiology} and [pharmacology]{pharmacology}")),
            Section("other", "Affiliations", lines=("Member, [AAPC]{aapc} Savannah local chapter; attends monthly [CEU]{continuing-education} meetings",)),
        ),
        posting="entry-level-coder", job_header="tab", heading_style="heading1",
        note="The second role's dates are reversed (a typo): end-before-start.",
    ),
)


def _with_profile_line(spec: ResumeSpec) -> ResumeSpec:
    """Add the profile's second summary sentence (not to the deliberately short resume)."""
    if spec.slug == "ng-mei-lin":
        return spec
    sections = tuple(
        replace(s, lines=(*s.lines, PROFILE_LINE[spec.profile])) if s.kind == "summary" else s
        for s in spec.sections
    )
    return replace(spec, sections=sections)


RESUMES: tuple[ResumeSpec, ...] = tuple(_with_profile_line(s) for s in _RESUMES)
