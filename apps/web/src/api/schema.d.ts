// Generated from the api's OpenAPI document by `npm run api:types`. Do not edit.

export interface paths {
    "/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** view=mine (your team), office (your institution) or agency (received by your agency). */
        get: operations["listApplications"];
        put?: never;
        /** A draft for an open call and track; you become its PI. */
        post: operations["createApplication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/applications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getApplication"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** PI and co-PIs change a draft: If-Match is required, and a stale one gets 409 with the current version. The answer is the application, or with Prefer: return=minimal only its id and new version. */
        patch: operations["updateApplication"];
        trace?: never;
    };
    "/applications/{id}/answers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For the team: the draft's answers on its own form version, and what a later one changed. */
        get: operations["getApplicationAnswers"];
        /** Save a draft's answers (PI and co-PIs): incomplete is fine, each answer given must be valid (problems by question key). If-Match is required, and a stale one gets 409 with the current version. */
        put: operations["putApplicationAnswers"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/applications/{id}/assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["assignReviewer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/applications/{id}/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** PI and co-PIs: every problem a submission now would be refused for, each once, without submitting. */
        post: operations["checkApplication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/applications/{id}/conflicts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Declare a conflict of interest; any open assignment is declined. */
        post: operations["declareConflict"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/applications/{id}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For the team: each document the call asks for, with the version the draft holds and its warnings. */
        get: operations["listApplicationDocuments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/applications/{id}/documents/{documentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** The draft no longer holds the document (its versions are kept). */
        delete: operations["removeApplicationDocument"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/applications/{id}/documents/{documentId}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For the team: every version of a document, oldest first. */
        get: operations["listDocumentVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/applications/{id}/documents/{requirementId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload a document of a draft (PI and co-PIs): a new version, checked by its content. Over the page limit it is kept with a warning and refused at submit. */
        post: operations["uploadApplicationDocument"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/applications/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The event log: actor, action, from, to, comment, time. */
        get: operations["listApplicationEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/applications/{id}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** PI and co-PIs of a draft add a member by e-mail address: an account with that address (any case) becomes the member at once; anyone else is e-mailed an invitation, valid 14 days, whose acceptance creates their account. */
        post: operations["inviteApplicationMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/applications/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["addApplicationMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/applications/{id}/members/{memberId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["removeApplicationMember"];
        options?: never;
        head?: never;
        patch: operations["updateApplicationMember"];
        trace?: never;
    };
    "/applications/{id}/outcome": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Each side's decision and the outcome; applicants see them once the call's results are released (releaseCallResults, or the decision date). */
        get: operations["getApplicationOutcome"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/applications/{id}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** PI, before the deadline: back to draft; the last submitted version still counts. */
        post: operations["reopenApplication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/applications/{id}/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Officers: their agency's reviews. Reviewers: the others' after submitting their own, without identities. */
        get: operations["listApplicationReviews"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/applications/{id}/sides/{agencyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** A side's PI, institution and budget (or, in twinning, its funded project). */
        patch: operations["updateApplicationSide"];
        trace?: never;
    };
    "/applications/{id}/sides/{agencyId}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The side's institution office records its checks and sends the side to its agency. */
        post: operations["approveApplicationSide"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/applications/{id}/sides/{agencyId}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Your agency's decision on its side; the outcome follows the cooperation mode. */
        post: operations["recordSideDecision"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/applications/{id}/sides/{agencyId}/eligibility": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Your agency's side is eligible or not, with a reason. */
        post: operations["recordEligibility"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/applications/{id}/sides/{agencyId}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The office gives the application back to the PI with a comment. */
        post: operations["returnApplicationSide"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/applications/{id}/submissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The frozen submissions, oldest first. The team reads every submission; offices, officers and accepted, unconflicted reviewers read the latest. */
        get: operations["listApplicationSubmissions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/applications/{id}/submissions/{number}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One frozen submission: the proposal as submitted and its documents with their SHA-256. The team reads every submission; offices, officers and accepted, unconflicted reviewers read the latest. */
        get: operations["getApplicationSubmission"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/applications/{id}/submissions/compare": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What changed between two submissions: fields and documents. */
        get: operations["compareApplicationSubmissions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/applications/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** PI: each side goes to its office (with a receipt) or, where approval is waived, straight to its agency (with a receipt). */
        post: operations["submitApplication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/applications/{id}/submitted-answers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The answers of the latest submission: the team, the office of a side and the agencies read all; a reviewer only those for reviewers. */
        get: operations["getSubmittedAnswers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/applications/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** PI, before any decision. */
        post: operations["withdrawApplication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/applications/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your institution's applications, one row per side (UTF-8 with BOM, RFC 4180), headers in lang (else yours). With callId, a column per question of the call's form (header: label [key]) holding the latest submission's answers, filled in for applications with a side at your institution. */
        get: operations["exportApplicationsCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/assignments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["unassignReviewer"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/assignments/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept, declaring no conflict of interest. */
        post: operations["acceptAssignment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/assignments/{id}/application": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The application, once accepted and not conflicted, with your review. */
        get: operations["getAssignedApplication"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/assignments/{id}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["declineAssignment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/assignments/{id}/remind": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Remind the reviewer of an open review, in-app and by e-mail; at most once an hour per assignment. */
        post: operations["remindReviewer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/assignments/{id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Save scores (within each scale) and a comment; stays editable until submitted. */
        put: operations["saveReview"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/assignments/{id}/review/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit: every criterion scored; read-only afterwards. */
        post: operations["submitReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/browser/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in from the web pages: the refresh token is set as an HttpOnly cookie. */
        post: operations["signInBrowser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/browser/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the page's session: its refresh and access tokens stop working. */
        post: operations["signOutBrowser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/browser/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new access token for the page, from the refresh cookie (rotated). */
        post: operations["refreshBrowserSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with e-mail and password. */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End this session: its refresh and access tokens stop working. */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange a refresh token for a new pair; a reused token ends its whole session. */
        post: operations["refreshToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/calendar/{token}.ics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your feed of deadlines of the calls you watch. Calendar apps cannot send headers: the secret token in the URL is the credential. */
        get: operations["getMyCalendar"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/calls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Published calls (and your agency’s drafts), by next deadline. */
        get: operations["listCalls"];
        put?: never;
        /** A draft call of one of your agency's programs, your agency leading. */
        post: operations["createCall"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/calls/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every deadline in its agency's zone and in yours. */
        get: operations["getCall"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Shared fields: the lead agency's officers. An agency's entry (deadline, budget cap, approval rule): that agency's officers. */
        patch: operations["updateCall"];
        trace?: never;
    };
    "/calls/{id}/applications/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The call's applications that reached your agency, one row per side (UTF-8 with BOM, RFC 4180), headers in lang (else yours), with a column per question of the call's form (header: label [key]) holding every answer of the latest submission. */
        get: operations["exportCallApplicationsCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/calls/{id}/assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your agency's assignments in the call: reviewer, review submitted or draft, due time, overdue, last reminder. */
        get: operations["listCallAssignments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/calls/{id}/auto-assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assign every eligible application within the load cap, conflicts excluded; reports what it cannot cover. */
        post: operations["autoAssignReviewers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/calls/{id}/calendar.ics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The call's deadlines as iCalendar, one event per agency. */
        get: operations["getCallCalendar"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/calls/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel the call; it stays visible as cancelled. */
        post: operations["cancelCall"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/calls/{id}/document-requirements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The documents a call asks for, in order. */
        get: operations["listDocumentRequirements"];
        /** Set the documents a call asks for (the lead agency's officers). Listed ids are kept and updated; one left out is retired and its uploads kept. */
        put: operations["putDocumentRequirements"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/calls/{id}/form": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The call's own questions (latest version) and their JSON Schemas. */
        get: operations["getCallForm"];
        /** Set the call's questions (the lead agency's officers). Frozen once the call opens: then only a new version made on purpose. */
        put: operations["putCallForm"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/calls/{id}/institution-deadline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Your institution's own deadline for a call, shown to your researchers. */
        put: operations["setInstitutionDeadline"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/calls/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make the call visible to everyone; its status then follows the timeline. */
        post: operations["publishCall"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/calls/{id}/ranking": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Weighted means, thresholds, ties by criterion order, missing reviews. */
        get: operations["getCallRanking"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/calls/{id}/release-results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The lead agency's officers tell the applicants every decision of the call at once, once its review has started and every side that reached an agency is decided. Without this the decision date releases them. */
        post: operations["releaseCallResults"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/calls/{id}/reviewer-candidates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Users with the reviewer role, by name or e-mail, to add to the call's pool; says who is in a pool already. */
        get: operations["findReviewerCandidates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/calls/{id}/reviewers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your agency's reviewers in the call's pool, with their loads. */
        get: operations["listCallReviewers"];
        put?: never;
        /** Add a user with the reviewer role to the pool, reviewing for your agency. */
        post: operations["addCallReviewer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/calls/{id}/statistics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How a call went: applications, eligible, funded, adoption rate; by track, field, lead institution and partner country. Officers of its agencies see the call; an office sees its institution's part. */
        get: operations["getCallStatistics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/calls/{id}/statistics.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The same statistics as one CSV table (UTF-8 with BOM, RFC 4180). */
        get: operations["exportCallStatisticsCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/calls/{id}/watch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Follow the call: its deadlines join your calendar feed. */
        put: operations["watchCall"];
        post?: never;
        delete: operations["unwatchCall"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dashboards/agency": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your agency across its calls: what reached it, what it funded. */
        get: operations["getAgencyDashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dashboards/institution": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your institution's applications by status, its success rate, and the agency and internal deadlines ahead. */
        get: operations["getInstitutionDashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/document-versions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A document version: name, size, pages, SHA-256, scan status. */
        get: operations["getDocumentVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/document-versions/{id}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The file, streamed, under its own name (RFC 6266 filename*, so Japanese names arrive intact). The team reads every version; offices, officers and reviewers those of the latest submission. */
        get: operations["downloadDocumentVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is up. Anonymous. */
        get: operations["getLiveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The database answers; ready for traffic. Anonymous. */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/invitations/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who invited you to what, and whether the invitation can still be accepted. */
        get: operations["getInvitation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/invitations/{token}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Creates your account (a researcher) with the invited address and your password, and puts it on the team of every proposal that invited this address. */
        post: operations["acceptInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/jobs/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sends a failed job again, with a fresh set of retries. */
        post: operations["retryJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/jobs/failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Jobs (e-mails, reminders) that failed after all their retries, newest first. */
        get: operations["listFailedJobs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user, with roles and organisation. */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change your name, ORCID iD, language or time zone; anything else is refused (400). */
        patch: operations["updateMe"];
        trace?: never;
    };
    "/me/assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your assignments, except on applications you are conflicted with. */
        get: operations["listMyAssignments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/calendar-token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new secret calendar-feed URL; the previous URL stops working. */
        post: operations["rotateCalendarToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your notices, newest first, with the number not read yet. */
        get: operations["listNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Marks one of your notices read; marking it again changes nothing. */
        post: operations["markNotificationRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which kinds of notice also come to you by e-mail. */
        get: operations["getNotificationPreferences"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Turns e-mail on or off per kind of notice; kinds not given stay. */
        patch: operations["updateNotificationPreferences"];
        trace?: never;
    };
    "/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Marks all your notices read. */
        post: operations["markAllNotificationsRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Agencies and institutions, searchable by name, kind and country. */
        get: operations["listOrganizations"];
        put?: never;
        post: operations["createOrganization"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getOrganization"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change some fields; send If-Match with the ETag you read to avoid overwriting a concurrent change. */
        patch: operations["updateOrganization"];
        trace?: never;
    };
    "/people/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The account with exactly this e-mail address (any case) or ORCID iD, to name a partner who has one: its id, name and organisation. Never a list, never a partial match, never the address. */
        get: operations["findPerson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/programs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listPrograms"];
        put?: never;
        /** A program of your own agency. */
        post: operations["createProgram"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/programs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getProgram"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a program of your own agency. */
        patch: operations["updateProgram"];
        trace?: never;
    };
    "/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listUsers"];
        put?: never;
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a user: profile, organisation, roles, or disable sign-in. */
        patch: operations["updateUser"];
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AcceptAssignmentDto: {
            /** @description I have no conflict of interest with this application */
            noConflict: boolean;
        };
        AcceptedInvitationDto: {
            /** @description Sign in with this address and your password */
            email: string;
            /** Format: uuid */
            userId: string;
        };
        AcceptInvitationDto: {
            /**
             * @description The language of your e-mails; en when absent
             * @enum {string}
             */
            language?: "en" | "ja";
            /** @description Your name; the one the inviter gave when absent */
            name?: string;
            /** @description Your password, 12 characters or more */
            password: string;
        };
        AddCallReviewerDto: {
            /** Format: uuid */
            reviewerId: string;
        };
        AgencyBriefDto: {
            /** Format: uuid */
            id: string;
            /** @example JST */
            shortName: string;
        };
        AgencyCallDto: {
            awaitingInstitution: number;
            /** Format: uuid */
            callId: string;
            /** Format: date-time */
            deadline: string;
            eligible: number;
            funded: number;
            mode: string;
            notFunded: number;
            /** @description Sides that reached the agency. */
            received: number;
            /** @enum {string} */
            role: "lead" | "partner";
            status: string;
            title: components["schemas"]["BilingualDto"];
            underReview: number;
        };
        AgencyDashboardDto: {
            /** Format: uuid */
            agencyId: string;
            byCall: components["schemas"]["AgencyCallDto"][];
            calls: number;
            funded: number;
            received: number;
            /** @description funded / decided sides. */
            successRate: number;
        };
        AgencyDeadlineDto: {
            /**
             * @description In the agency's zone
             * @example 2027-03-31T12:00:00+09:00
             */
            local: string;
            /** @example Asia/Tokyo */
            timeZone: string;
            /**
             * Format: date-time
             * @example 2027-03-31T03:00:00.000Z
             */
            utc: string;
        };
        AgencyRefDto: {
            country: string;
            /** Format: uuid */
            id: string;
            name: components["schemas"]["BilingualDto"];
            shortName: string;
        };
        /**
         * @description What the caller may do with it now, by the rules that decide when they try (the check lists what the proposal still lacks)
         * @enum {string}
         */
        AllowedAction: "edit" | "submit" | "reopen" | "withdraw";
        ApplicationAnswersDto: {
            /** @description { proposal: { key: value }, sides: { agencyId: { key: value } } } */
            answers: {
                [key: string]: unknown;
            };
            /** @description What the latest version changed since formVersion (the draft keeps its own) */
            changes: components["schemas"]["QuestionChangeDto"][];
            /** @description JSON Schema of a draft’s answers on formVersion */
            draftSchema: {
                [key: string]: unknown;
            };
            /** @description The form version the draft answers; null when the call has no form */
            formVersion: number | null;
            latestVersion: number | null;
            /** @description The questions of formVersion */
            questions: {
                [key: string]: unknown;
            }[];
            /** @description JSON Schema of a submission’s answers on formVersion */
            submitSchema: {
                [key: string]: unknown;
            };
            /** @description The version of the answers, also their ETag: send it as If-Match when saving; 0 while nothing is saved */
            version: number;
        };
        ApplicationCallDto: {
            /** Format: uuid */
            id: string;
            title: components["schemas"]["BilingualDto"];
        };
        ApplicationCheckDto: {
            /** @description The problems submitApplication would refuse with, in the same shape */
            problems: components["schemas"]["SubmissionProblemDto"][];
            /** @description Nothing would stop a submission now */
            ready: boolean;
        };
        ApplicationDocumentsDto: {
            /** @description Each document the call asks for, per side where it asks per side */
            slots: components["schemas"]["DocumentSlotDto"][];
        };
        ApplicationDto: {
            abstract: string;
            /** @description What the caller may do with it now, by the rules that decide when they try (the check lists what the proposal still lacks) */
            allowedActions: components["schemas"]["AllowedAction"][];
            call: components["schemas"]["ApplicationCallDto"];
            durationMonths: number | null;
            fieldCode: string | null;
            /** Format: uuid */
            id: string;
            /**
             * Format: date-time
             * @description The lead institution's own, earlier deadline
             */
            institutionDeadline: string | null;
            keywords: string[];
            members: components["schemas"]["MemberDto"][];
            /** Format: uuid */
            piUserId: string;
            /** @description Every receipt issued, oldest first; none is withdrawn by a later step */
            receipts: components["schemas"]["ReceiptDto"][];
            sides: components["schemas"]["SideDto"][];
            /** @enum {string} */
            status: "draft" | "returned" | "pending_institution" | "submitted" | "eligible" | "ineligible" | "under_review" | "decided" | "withdrawn";
            title: string;
            /** Format: uuid */
            trackId: string;
            version: number;
        };
        /** @enum {string} */
        ApplicationEventAction: "application.created" | "application.edited" | "application.submit" | "application.approve" | "application.return" | "application.reopen" | "application.withdraw" | "application.eligibility" | "application.review_started" | "application.decision" | "application.member_added" | "application.member_invited" | "application.member_joined";
        ApplicationEventDto: {
            action: components["schemas"]["ApplicationEventAction"];
            actor: components["schemas"]["EventActorDto"] | null;
            agency: string | null;
            /** Format: date-time */
            at: string;
            comment: string | null;
            /** @description The fields an application.edited event changed (title, abstract, ...); null for other steps */
            fields: string[] | null;
            from: string | null;
            id: string;
            /** @description The receipt this step issued */
            receipt: components["schemas"]["EventReceiptDto"] | null;
            to: string | null;
        };
        ApplicationOutcomeDto: {
            /** Format: uuid */
            applicationId: string;
            /**
             * @description By the call’s mode: joint call funded or not_funded (every side funds); co-funding co_funded (the lead funds and a partner confirms), funded_by_lead (every partner declines) or not_funded (the lead does not select it); twinning linked or not_linked; pending while a decision it depends on is missing
             * @enum {string}
             */
            outcome: "pending" | "funded" | "not_funded" | "co_funded" | "funded_by_lead" | "linked" | "not_linked";
            sides: components["schemas"]["SideOutcomeDto"][];
        };
        ApplicationPageDto: {
            items: components["schemas"]["ApplicationSummaryDto"][];
            nextCursor: string | null;
        };
        ApplicationReviewDto: {
            comment: string;
            /** @description Reviewers only: "you" or "Reviewer n", numbered among the others in submission order */
            reviewer?: string;
            /**
             * Format: uuid
             * @description Officers only: the reviewer's id
             */
            reviewerId?: string;
            scores: {
                [key: string]: number;
            };
            /** Format: date-time */
            submittedAt?: string;
        };
        ApplicationSummaryDto: {
            call: components["schemas"]["ApplicationCallDto"];
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /**
             * Format: date-time
             * @description The lead institution's own, earlier deadline
             */
            institutionDeadline: string | null;
            /**
             * Format: date-time
             * @description The earliest agency deadline still ahead
             */
            nextDeadline: string | null;
            /** Format: uuid */
            piUserId: string;
            sides: components["schemas"]["SideSummaryDto"][];
            /** @enum {string} */
            status: "draft" | "returned" | "pending_institution" | "submitted" | "eligible" | "ineligible" | "under_review" | "decided" | "withdrawn";
            title: string;
        };
        ApplicationVersionDto: {
            /** Format: uuid */
            id: string;
            version: number;
        };
        ApproveSideDto: {
            comment?: string;
            /** @description Disclosures of other funding and affiliations are received */
            disclosuresReceived: boolean;
            /** @description Export-control screening of the collaboration is done */
            exportControlScreened: boolean;
        };
        AssignedApplicationDto: {
            abstract: string;
            agency: string;
            agencyTimeZone: string;
            /** Format: uuid */
            assignmentId: string;
            callTitle: components["schemas"]["BilingualDto"];
            criteria: components["schemas"]["ReviewCriterionDto"][];
            /** @description The documents of the latest submission (downloadDocumentVersion) */
            documents: components["schemas"]["FrozenDocumentDto"][];
            /** Format: date-time */
            dueAt: string | null;
            durationMonths: number | null;
            fieldCode: string | null;
            /** Format: uuid */
            id: string;
            members: components["schemas"]["ReviewedMemberDto"][];
            review: components["schemas"]["OwnReviewDto"];
            sides: components["schemas"]["ReviewedSideDto"][];
            /** @description The submission read: its number (0 for a proposal submitted before submissions were kept) */
            submissionNumber: number;
            title: string;
        };
        AssignmentCreatedDto: {
            /** Format: uuid */
            applicationId: string;
            /** Format: uuid */
            assignmentId: string;
            /** Format: uuid */
            reviewerId: string;
            /** @enum {string} */
            status: "assigned";
        };
        AssignmentProgressDto: {
            /** Format: uuid */
            applicationId: string;
            applicationTitle: string;
            /** Format: date-time */
            dueAt: string | null;
            /** Format: uuid */
            id: string;
            /**
             * Format: date-time
             * @description When an officer last reminded the reviewer
             */
            lastRemindedAt: string | null;
            /** @description Open (neither submitted nor declined) and past its due time, by the server clock */
            overdue: boolean;
            /**
             * @description The review: submitted, a saved draft, or nothing yet
             * @enum {string}
             */
            review: "submitted" | "draft" | "not_started";
            /** Format: uuid */
            reviewerId: string;
            reviewerName: string;
            /** @enum {string} */
            status: "assigned" | "accepted" | "declined";
            /** Format: date-time */
            submittedAt: string | null;
        };
        AssignReviewerDto: {
            /** @description Review due, ISO 8601 with an offset */
            dueAt?: string;
            /** Format: uuid */
            reviewerId: string;
        };
        AutoAssignDto: {
            dueAt?: string;
            loadCap: number;
            perApplication: number;
            /**
             * Format: uuid
             * @description Only this track
             */
            trackId?: string;
        };
        AutoAssignReportDto: {
            /** @description New assignments made */
            assigned: number;
            /** @description Application and reviewer pairs left out for a conflict of interest */
            conflictsAvoided: number;
            /** @description Each pool reviewer's load in the call afterwards */
            loads: {
                [key: string]: number;
            };
            /** @description Applications left with fewer reviewers than asked */
            uncovered: components["schemas"]["UncoveredApplicationDto"][];
        };
        BilingualDto: {
            /** @example The University of Tokyo */
            en: string;
            /** @example 東京大学 */
            ja: string;
        };
        BreakdownRowDto: {
            /** @description funded / applications, 0 to 1 (0 without applications). */
            adoptionRate: number;
            /** @description Applications that reached an agency (not drafts, not withdrawn). */
            applications: number;
            /** @description Applications every side of which passed eligibility. */
            eligible: number;
            /** @description Funded (or linked, for twinning) by the rule of the call’s mode. */
            funded: number;
            /** @description Track id, field code or institution id; null for none given. */
            key: string | null;
            label: components["schemas"]["BilingualDto"] | null;
            notFunded: number;
            /** @description Waiting for a decision. */
            pending: number;
        };
        BrowserSessionDto: {
            /** @description JWT for the Authorization header; valid 15 minutes. Keep it in memory only. */
            accessToken: string;
            /** @example 900 */
            expiresIn: number;
            /** @enum {string} */
            tokenType: "Bearer";
        };
        BudgetCapDto: {
            /** @description Integer minor units */
            amount: number;
            /** @enum {string} */
            cap: "track" | "agency";
            /** @example JPY */
            currency: string;
        };
        CalendarTokenDto: {
            token: string;
            /** @description Subscribe to this URL in a calendar app; keep it secret */
            url: string;
        };
        /**
         * @description What the caller may do with the call now: the lead agency's officers change the shared fields, publish and cancel; each agency's officers change its own entry
         * @enum {string}
         */
        CallAction: "edit_shared" | "edit_own_entry" | "publish" | "cancel";
        CallAgencyDto: {
            agency: components["schemas"]["AgencyRefDto"];
            budgetCap: components["schemas"]["MoneyDto"] | null;
            deadline: components["schemas"]["ZonedInstantDto"];
            eligibilityNotes: components["schemas"]["BilingualDto"];
            institutionApprovalRequired: boolean;
            /** @description Reviews a side once it can no longer change (the call's first deadline), not after its own deadline */
            reviewOnceFinal: boolean;
            /** @enum {string} */
            role: "lead" | "partner";
        };
        CallAgencyInputDto: {
            /** Format: uuid */
            agencyId: string;
            /** @description Per project; none in twinning */
            budgetCap?: components["schemas"]["MoneyDto"] | null;
            /**
             * @description Deadline: ISO 8601 with an offset (2027-03-31T15:00:00Z), or local time (2027-03-31T17:00) in the time zone
             * @example 2027-03-31T17:00
             */
            deadline?: string;
            eligibilityNotesEn?: string;
            eligibilityNotesJa?: string;
            /** @description The institution approves a side before this agency receives it (default true) */
            institutionApprovalRequired?: boolean;
            /** @description This agency reviews a side as soon as it can no longer change, once the call's first deadline has passed, instead of after its own deadline (default false) */
            reviewOnceFinal?: boolean;
            /** @enum {string} */
            role: "lead" | "partner";
            /**
             * @description IANA zone the deadline is set and shown in; the agency's by default
             * @example Europe/Paris
             */
            timeZone?: string;
        };
        CallAgencyPatchDto: {
            /** Format: uuid */
            agencyId: string;
            /** @description Per project; none in twinning */
            budgetCap?: components["schemas"]["MoneyDto"] | null;
            /**
             * @description Deadline: ISO 8601 with an offset (2027-03-31T15:00:00Z), or local time (2027-03-31T17:00) in the time zone
             * @example 2027-03-31T17:00
             */
            deadline?: string;
            eligibilityNotesEn?: string;
            eligibilityNotesJa?: string;
            /** @description The institution approves a side before this agency receives it (default true) */
            institutionApprovalRequired?: boolean;
            /** @description This agency reviews a side as soon as it can no longer change, once the call's first deadline has passed, instead of after its own deadline (default false) */
            reviewOnceFinal?: boolean;
            /**
             * @description IANA zone the deadline is set and shown in; the agency's by default
             * @example Europe/Paris
             */
            timeZone?: string;
        };
        CallDto: {
            agencies: components["schemas"]["CallAgencyDto"][];
            /** @description What the caller may do with the call now: the lead agency's officers change the shared fields, publish and cancel; each agency's officers change its own entry */
            allowedActions: components["schemas"]["CallAction"][];
            cancellationReason: string | null;
            criteria: components["schemas"]["CriterionDto"][];
            eligibleCountries: string[];
            fieldDetails: components["schemas"]["FieldDto"][];
            fields: string[];
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            mode: "joint_call" | "co_funding" | "twinning";
            /** @description The next deadline of any agency, in the viewer’s zone */
            nextDeadline: components["schemas"]["ZonedInstantDto"] | null;
            /**
             * Format: uuid
             * @description The agency whose entry the caller may change (theirs, when it takes part)
             */
            ownAgencyId: string | null;
            program: components["schemas"]["ProgramRefDto"];
            /** Format: date-time */
            publishedAt: string | null;
            /** @enum {string} */
            status: "draft" | "announced" | "open" | "closed" | "in_review" | "decided" | "cancelled";
            summary: components["schemas"]["BilingualDto"];
            timeline: components["schemas"]["TimelineDto"];
            title: components["schemas"]["BilingualDto"];
            tracks: components["schemas"]["TrackDto"][];
            version: number;
            /** @description You watch this call */
            watching: boolean;
        };
        CallFormDto: {
            /** @description JSON Schema of a draft’s answers (every answer optional, each given one valid) */
            draftSchema: {
                [key: string]: unknown;
            };
            /** @description The call is open and the form has a version: a change is a new version, made on purpose (newVersion=true) */
            frozen: boolean;
            /** @description The questions, in order (key, type, label, help, required, scope, visibility and constraints) */
            questions: {
                [key: string]: unknown;
            }[];
            /** @description JSON Schema of a submission’s answers (required ones present) */
            submitSchema: {
                [key: string]: unknown;
            };
            /** @description The latest version; null while the call has no form */
            version: number | null;
        };
        CallPageDto: {
            items: components["schemas"]["CallSummaryDto"][];
            nextCursor: string | null;
        };
        CallRankingDto: {
            /** Format: uuid */
            callId: string;
            /** @description Criterion ids in order: the order of criterionMeans and of the tie rule */
            criteria: string[];
            items: components["schemas"]["RankedApplicationDto"][];
            /** @description Highest weighted mean first; ties by the first criterion’s mean, then the next; then by application id; applications without a complete mean last */
            tieRule: string;
        };
        CallReviewerDto: {
            /** Format: uuid */
            agencyId: string;
            email: string;
            /** @description Assignments in the call, declined ones not counted */
            load: number;
            name: string;
            organisation: string | null;
            /** Format: uuid */
            reviewerId: string;
        };
        CallStatisticsDto: {
            /** @description funded / applications, 0 to 1 (0 without applications). */
            adoptionRate: number;
            /** @description Applications that reached an agency (not drafts, not withdrawn). */
            applications: number;
            byField: components["schemas"]["BreakdownRowDto"][];
            /** @description By the PI’s institution. */
            byLeadInstitution: components["schemas"]["BreakdownRowDto"][];
            byTrack: components["schemas"]["BreakdownRowDto"][];
            /** Format: uuid */
            callId: string;
            /** @description Applications every side of which passed eligibility. */
            eligible: number;
            /** @description Funded (or linked, for twinning) by the rule of the call’s mode. */
            funded: number;
            /** @enum {string} */
            mode: "joint_call" | "co_funding" | "twinning";
            notFunded: number;
            /** @description The outcomes (getApplicationOutcome) that funded and notFunded count in this mode. */
            outcomeNames: components["schemas"]["OutcomeNamesDto"];
            partnerCountries: components["schemas"]["CountryRowDto"][];
            /** @description Waiting for a decision. */
            pending: number;
            /** @description The whole call, or an office’s own institution. */
            scope: components["schemas"]["StatisticsScopeDto"];
            title: components["schemas"]["BilingualDto"];
        };
        CallSummaryDto: {
            agencies: components["schemas"]["CallAgencyDto"][];
            eligibleCountries: string[];
            fields: string[];
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            mode: "joint_call" | "co_funding" | "twinning";
            /** @description The next deadline of any agency, in the viewer’s zone */
            nextDeadline: components["schemas"]["ZonedInstantDto"] | null;
            program: components["schemas"]["ProgramRefDto"];
            /** @enum {string} */
            status: "draft" | "announced" | "open" | "closed" | "in_review" | "decided" | "cancelled";
            title: components["schemas"]["BilingualDto"];
        };
        CancelCallDto: {
            reason: string;
        };
        ConflictDeclaredDto: {
            /** Format: uuid */
            applicationId: string;
            declared: boolean;
        };
        CountryRowDto: {
            applications: number;
            /**
             * @description ISO 3166-1 alpha-2 (EU for the European Union).
             * @example US
             */
            country: string;
            fundedApplications: number;
            fundedPartnerInstitutions: number;
            /** @description Partner institutions, counted per application. */
            partnerInstitutions: number;
        };
        CreateApplicationDto: {
            abstract?: string;
            /** Format: uuid */
            callId: string;
            durationMonths?: number | null;
            /** @description A research field of the call */
            fieldCode?: string | null;
            keywords?: string[];
            title: string;
            /** Format: uuid */
            trackId: string;
        };
        CreateCallDto: {
            /** @description One lead (the program’s agency) and one or more partners */
            agencies: components["schemas"]["CallAgencyInputDto"][];
            /** @description Pre-announcement: ISO 8601 with an offset (2027-03-31T15:00:00Z), or local time (2027-03-31T17:00) in the time zone (lead agency's zone) */
            announcedAt?: string | null;
            criteria?: components["schemas"]["CriterionInputDto"][];
            /** @description Decision: ISO 8601 with an offset (2027-03-31T15:00:00Z), or local time (2027-03-31T17:00) in the time zone (lead agency's zone) */
            decisionAt?: string | null;
            /**
             * @description ISO 3166-1 alpha-2 codes of eligible partner countries
             * @example [
             *       "US",
             *       "FR"
             *     ]
             */
            eligibleCountries: string[];
            /**
             * @description Codes of the research-field vocabulary
             * @example [
             *       "quantum",
             *       "ai_information"
             *     ]
             */
            fields: string[];
            /** @enum {string} */
            mode: "joint_call" | "co_funding" | "twinning";
            /** @description Opening: ISO 8601 with an offset (2027-03-31T15:00:00Z), or local time (2027-03-31T17:00) in the time zone (lead agency's zone) */
            opensAt: string;
            /** Format: uuid */
            programId: string;
            /**
             * Format: date
             * @description YYYY-MM-DD
             * @example 2027-10-01
             */
            projectStartOn?: string | null;
            /** @description Review start: ISO 8601 with an offset (2027-03-31T15:00:00Z), or local time (2027-03-31T17:00) in the time zone (lead agency's zone) */
            reviewStartsAt?: string | null;
            summaryEn?: string;
            summaryJa?: string;
            titleEn: string;
            titleJa: string;
            tracks: components["schemas"]["TrackInputDto"][];
        };
        CreateOrganisationDto: {
            /**
             * @description ISO 3166-1 alpha-2
             * @example JP
             */
            country: string;
            /**
             * @description Open Funder Registry DOI
             * @example 10.13039/501100002241
             */
            funderId?: string | null;
            /** @enum {string} */
            kind: "funding_agency" | "institution";
            /** @example Japan Science and Technology Agency */
            nameEn: string;
            /** @example 科学技術振興機構 */
            nameJa: string;
            /**
             * @description ROR ID (bare or https://ror.org/ URL)
             * @example 057zh3y96
             */
            rorId?: string | null;
            /** @example JST */
            shortName: string;
            /**
             * @description IANA time zone
             * @example Asia/Tokyo
             */
            timeZone: string;
        };
        CreateProgramDto: {
            /**
             * Format: uuid
             * @description The agency that runs the program: your own.
             */
            agencyId: string;
            /** @example ASPIRE */
            code: string;
            descriptionEn?: string;
            descriptionJa?: string;
            nameEn: string;
            nameJa: string;
        };
        CreateUserDto: {
            /** @example researcher@u-tokyo.ac.jp */
            email: string;
            /** @enum {string} */
            language?: "en" | "ja";
            name?: string;
            /**
             * @description ORCID iD; null removes it
             * @example 0000-0002-1825-0097
             */
            orcid?: string | null;
            /**
             * Format: uuid
             * @description Home organisation
             */
            organisationId?: string | null;
            /** @description Initial password, 12 characters or more */
            password: string;
            roles: ("researcher" | "institution_admin" | "program_officer" | "reviewer" | "admin")[];
            /** @description IANA time zone for showing deadlines; null follows the organisation */
            timeZone?: string | null;
        };
        CriterionDto: {
            description: components["schemas"]["BilingualDto"];
            /** Format: uuid */
            id: string;
            name: components["schemas"]["BilingualDto"];
            scaleMax: number;
            scaleMin: number;
            threshold: number | null;
            weight: number;
        };
        CriterionInputDto: {
            descriptionEn?: string;
            descriptionJa?: string;
            nameEn: string;
            nameJa: string;
            /** @example 5 */
            scaleMax: number;
            /** @example 1 */
            scaleMin: number;
            /** @description Minimum score for a fundable application */
            threshold?: number | null;
            /** @example 1 */
            weight: number;
        };
        DeclareConflictDto: {
            reason: string;
        };
        DeclineAssignmentDto: {
            reason: string;
        };
        DocumentBriefDto: {
            fileName: string;
            sha256: string;
            size: number;
            /** Format: uuid */
            versionId: string;
        };
        DocumentChangeDto: {
            after: components["schemas"]["DocumentBriefDto"] | null;
            /** Format: uuid */
            agencyId: string | null;
            before: components["schemas"]["DocumentBriefDto"] | null;
            /** @enum {string} */
            change: "added" | "removed" | "replaced";
            label: components["schemas"]["BilingualDto"];
            /** Format: uuid */
            requirementId: string;
        };
        DocumentRequirementDto: {
            acceptedTypes: ("application/pdf" | "image/png" | "image/jpeg")[];
            /** @description Each language as given (empty where not); null when none */
            help: components["schemas"]["BilingualDto"] | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "research_plan" | "budget_justification" | "cv" | "letter_of_support" | "other";
            label: components["schemas"]["BilingualDto"];
            /** @description Bytes */
            maxBytes: number;
            /** @description Over it: a warning on the draft, refused at submit */
            maxPages: number | null;
            required: boolean;
            /**
             * @description proposal: one for the whole proposal; side: one per agency side
             * @enum {string}
             */
            scope: "proposal" | "side";
        };
        DocumentRequirementInputDto: {
            /**
             * @default [
             *       "application/pdf"
             *     ]
             */
            acceptedTypes: ("application/pdf" | "image/png" | "image/jpeg")[];
            helpEn?: string;
            helpJa?: string;
            /**
             * Format: uuid
             * @description An existing requirement of the call to keep; none for a new one
             */
            id?: string;
            /** @enum {string} */
            kind: "research_plan" | "budget_justification" | "cv" | "letter_of_support" | "other";
            labelEn: string;
            labelJa: string;
            /** @description Bytes */
            maxBytes: number;
            maxPages?: number | null;
            required: boolean;
            /** @enum {string} */
            scope: "proposal" | "side";
        };
        DocumentSlotDto: {
            /**
             * Format: uuid
             * @description The side, for a document of each side
             */
            agencyId: string | null;
            /** @description The version the draft holds */
            current: components["schemas"]["DocumentVersionDto"] | null;
            /**
             * Format: uuid
             * @description None before the first upload
             */
            documentId: string | null;
            requirement: components["schemas"]["DocumentRequirementDto"];
            /** @description Versions uploaded so far */
            versions: number;
            warnings: components["schemas"]["DocumentWarningDto"][];
        };
        DocumentVersionDto: {
            /** Format: uuid */
            documentId: string;
            /** @description The uploaded file’s own name */
            fileName: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            mediaType: "application/pdf" | "image/png" | "image/jpeg";
            /** @description 1 for the first upload of the document, 2 for its replacement, ... */
            number: number;
            /** @description PDF pages */
            pages: number | null;
            /** @enum {string} */
            scanStatus: "pending" | "clean" | "infected" | "not_scanned";
            /** @description SHA-256 of the bytes, hex */
            sha256: string;
            /** @description Bytes */
            size: number;
            /** Format: date-time */
            uploadedAt: string;
            uploadedBy: components["schemas"]["UploaderDto"];
        };
        DocumentWarningDto: {
            /** @enum {string} */
            code: "PAGES_OVER_LIMIT" | "INFECTED";
            message: string;
        };
        EligibilityDto: {
            eligible: boolean;
            reason: string;
        };
        EligibilityResultDto: {
            /** Format: uuid */
            agencyId: string;
            /** Format: uuid */
            applicationId: string;
            reason: string;
            /** @enum {string} */
            status: "eligible" | "ineligible";
        };
        EmailChoicesDto: {
            application_approved?: boolean;
            application_returned?: boolean;
            application_submitted?: boolean;
            approval_reminder?: boolean;
            approval_requested?: boolean;
            deadline_reminder?: boolean;
            decision_published?: boolean;
            review_assigned?: boolean;
            review_reminder?: boolean;
        };
        EventActorDto: {
            /** Format: uuid */
            id: string;
            name: string;
        };
        EventReceiptDto: {
            /** @enum {string} */
            kind: "submitted_to_office" | "received_by_agency";
            number: string;
        };
        FailedJobDto: {
            attempts: number;
            /** Format: date-time */
            createdAt: string;
            /** @description What the job was to do: its payload, as the queue holds it. */
            data: {
                [key: string]: unknown;
            };
            /** @description The last error. */
            error: string | null;
            /** Format: date-time */
            failedAt: string;
            /** Format: uuid */
            id: string;
            /** @example notifications.email */
            queue: string;
        };
        FailedJobPageDto: {
            items: components["schemas"]["FailedJobDto"][];
            nextCursor: string | null;
        };
        FieldChangeDto: {
            /** @description The value in the later submission */
            after: (string | number | boolean | unknown[] | {
                [key: string]: unknown;
            }) | null;
            /** @description The value in the earlier submission */
            before: (string | number | boolean | unknown[] | {
                [key: string]: unknown;
            }) | null;
            /**
             * @description A proposal field, `sides[JST].budgetPerYear`, or `members`
             * @example title
             */
            path: string;
        };
        FieldDto: {
            code: string;
            name: components["schemas"]["BilingualDto"];
        };
        FrozenDocumentDto: {
            /**
             * Format: uuid
             * @description The side it belongs to; null for the whole proposal
             */
            agencyId: string | null;
            /** Format: uuid */
            documentId: string;
            fileName: string;
            kind: string;
            label: components["schemas"]["BilingualDto"];
            mediaType: string;
            pages: number | null;
            /** Format: uuid */
            requirementId: string;
            /** @description SHA-256 of the bytes, hex */
            sha256: string;
            /** @description Bytes */
            size: number;
            /**
             * Format: uuid
             * @description The version submitted (downloadDocumentVersion)
             */
            versionId: string;
        };
        FrozenInstitutionDto: {
            country: string | null;
            /** Format: uuid */
            id: string;
            shortName: string | null;
        };
        FrozenMemberDto: {
            country: string | null;
            earlyCareer: boolean;
            email: string | null;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            institutionId: string | null;
            name: string;
            orcid: string | null;
            role: string;
            /** Format: uuid */
            userId: string | null;
        };
        FrozenProposalDto: {
            abstract: string;
            durationMonths: number | null;
            fieldCode: string | null;
            keywords: string[];
            members: components["schemas"]["FrozenMemberDto"][];
            sides: components["schemas"]["FrozenSideDto"][];
            title: string;
            /** Format: uuid */
            trackId: string;
        };
        FrozenSideDto: {
            /** Format: uuid */
            agencyId: string;
            agencyShortName: string;
            budgetCurrency: string | null;
            budgetPerYear: number[];
            existingGrantNumber: string | null;
            institution: components["schemas"]["FrozenInstitutionDto"] | null;
            pi: components["schemas"]["FrozenSidePiDto"];
            /** @enum {string} */
            role: "lead" | "partner";
        };
        FrozenSidePiDto: {
            email: string | null;
            name: string | null;
            orcid: string | null;
            /** Format: uuid */
            userId: string | null;
        };
        InstitutionBriefDto: {
            /** @example JP */
            country: string | null;
            /** Format: uuid */
            id: string;
            shortName: string | null;
        };
        InstitutionDashboardDto: {
            /**
             * @description Applications touching the institution, by status.
             * @example {
             *       "draft": 2,
             *       "submitted": 5
             *     }
             */
            byStatus: {
                [key: string]: number;
            };
            funded: number;
            /** Format: uuid */
            institutionId: string;
            notFunded: number;
            /** @description funded / decided, over the sides led from the institution. */
            successRate: number;
            upcomingDeadlines: components["schemas"]["UpcomingDeadlineDto"][];
        };
        InstitutionDeadlineDto: {
            /**
             * @description ISO 8601 with an offset, or local time in your institution’s zone
             * @example 2027-03-24T17:00
             */
            deadline: string;
        };
        InstitutionDeadlineResultDto: {
            /** Format: uuid */
            callId: string;
            /** @description UTC, and in the institution's zone */
            deadline: components["schemas"]["AgencyDeadlineDto"];
            /** Format: uuid */
            institutionId: string;
        };
        IntegrityChecksDto: {
            /** Format: date-time */
            disclosuresReceivedAt: string | null;
            /** Format: date-time */
            exportControlCheckedAt: string | null;
        };
        InvitationDto: {
            /** Format: date-time */
            expiresAt: string;
            invitedBy: components["schemas"]["InviterDto"];
            invitedTo: components["schemas"]["InvitationTargetDto"];
            /** @description The name the inviter gave */
            name: string;
            /** @enum {string} */
            status: "pending" | "accepted" | "expired";
        };
        InvitationTargetDto: {
            /**
             * @description The title of the call
             * @example {
             *       "ja": "日米量子共同研究 2027",
             *       "en": "Japan-US quantum joint call 2027"
             *     }
             */
            call: components["schemas"]["BilingualDto"];
            /**
             * @description The role in the team
             * @example partner_pi
             */
            role: string;
            /** @description The proposal */
            title: string;
        };
        InviteMemberDto: {
            /** @example JP */
            country?: string | null;
            earlyCareer?: boolean;
            /**
             * @description An account with this address (any case) becomes the member at once; any other address gets the invitation
             * @example partner@lab.example.edu
             */
            email: string;
            /** Format: uuid */
            institutionId?: string | null;
            name: string;
            orcid?: string | null;
            /** @enum {string} */
            role: "co_pi" | "partner_pi" | "co_investigator";
        };
        InviterDto: {
            name: string;
            /** @description The organisation of the inviter */
            organisation: components["schemas"]["BilingualDto"] | null;
        };
        LoginDto: {
            /** @example pi.utokyo@example.org */
            email: string;
            /** @example jointcall-demo */
            password: string;
        };
        MarkedReadDto: {
            /** @description How many notices were marked read. */
            marked: number;
            unreadCount: number;
        };
        MemberDto: {
            /** @example JP */
            country?: string | null;
            earlyCareer?: boolean;
            email?: string | null;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            institutionId?: string | null;
            name: string;
            orcid?: string | null;
            /** @enum {string} */
            role: "pi" | "co_pi" | "partner_pi" | "co_investigator";
            /** Format: uuid */
            userId?: string | null;
        };
        MemberInputDto: {
            /** @example JP */
            country?: string | null;
            earlyCareer?: boolean;
            email?: string | null;
            /** Format: uuid */
            institutionId?: string | null;
            name: string;
            orcid?: string | null;
            /** @enum {string} */
            role: "pi" | "co_pi" | "partner_pi" | "co_investigator";
            /** Format: uuid */
            userId?: string | null;
        };
        MoneyDto: {
            /**
             * @description Integer minor units (JPY has none: 500000000 is JPY 500M)
             * @example 500000000
             */
            amount: number;
            /**
             * @description ISO 4217
             * @example JPY
             */
            currency: string;
        };
        MyAssignmentDto: {
            /** @description The agency the review is for (short name) */
            agency: string;
            /**
             * @description The agency's zone in the call
             * @example Asia/Tokyo
             */
            agencyTimeZone: string;
            /** Format: uuid */
            applicationId: string;
            /** Format: uuid */
            callId: string;
            callTitle: components["schemas"]["BilingualDto"];
            /** Format: date-time */
            dueAt: string | null;
            /** Format: uuid */
            id: string;
            /**
             * @description pending (not accepted yet), accepted (nothing saved), draft (saved, not submitted), submitted, declined
             * @enum {string}
             */
            progress: "pending" | "accepted" | "draft" | "submitted" | "declined";
            /** @enum {string} */
            status: "assigned" | "accepted" | "declined";
            /** Format: date-time */
            submittedAt: string | null;
            title: string;
            version: number;
        };
        NotificationDto: {
            body: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "approval_requested" | "application_returned" | "application_approved" | "application_submitted" | "review_assigned" | "deadline_reminder" | "approval_reminder" | "review_reminder" | "decision_published";
            /** @description Where the object is. */
            link: string;
            /** Format: date-time */
            readAt: string | null;
            subject: components["schemas"]["NotificationSubjectDto"];
            /** @description In the reader's language. */
            title: string;
        };
        NotificationPageDto: {
            items: components["schemas"]["NotificationDto"][];
            nextCursor: string | null;
            /** @description Notices not read yet, in all. */
            unreadCount: number;
        };
        NotificationPreferencesDto: {
            /** @description Every kind, with the choice in force (e-mail unless turned off). */
            email: components["schemas"]["EmailChoicesDto"];
        };
        NotificationSubjectDto: {
            /**
             * Format: uuid
             * @example 7f1c2a9e-3b4d-4e5f-8a6b-1c2d3e4f5a6b
             */
            id: string;
            /** @enum {string} */
            type: "application" | "assignment";
        };
        OrganisationDto: {
            country: string;
            funderId: string | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "funding_agency" | "institution";
            name: components["schemas"]["BilingualDto"];
            rorId: string | null;
            shortName: string;
            timeZone: string;
            version: number;
        };
        OrganisationPageDto: {
            items: components["schemas"]["OrganisationDto"][];
            nextCursor: string | null;
        };
        OutcomeNamesDto: {
            /**
             * @example [
             *       "co_funded",
             *       "funded_by_lead"
             *     ]
             */
            funded: string[];
            /**
             * @example [
             *       "not_funded"
             *     ]
             */
            notFunded: string[];
        };
        OwnReviewDto: {
            comment: string;
            /** @description Score per criterion id */
            scores: {
                [key: string]: number;
            };
            /** Format: date-time */
            submittedAt: string | null;
            /** @description Send as If-Match when saving */
            version: number;
        };
        PersonDto: {
            /** Format: uuid */
            id: string;
            name: string;
            organisation: components["schemas"]["PersonOrganisationDto"] | null;
        };
        PersonOrganisationDto: {
            /**
             * @description ISO 3166-1 alpha-2
             * @example US
             */
            country: string;
            /** Format: uuid */
            id: string;
            /**
             * @example {
             *       "ja": "マサチューセッツ工科大学",
             *       "en": "Massachusetts Institute of Technology"
             *     }
             */
            name: components["schemas"]["BilingualDto"];
        };
        ProgramDto: {
            agency: components["schemas"]["AgencyRefDto"];
            code: string;
            description: components["schemas"]["BilingualDto"];
            /** Format: uuid */
            id: string;
            name: components["schemas"]["BilingualDto"];
            version: number;
        };
        ProgramPageDto: {
            items: components["schemas"]["ProgramDto"][];
            nextCursor: string | null;
        };
        ProgramRefDto: {
            code: string;
            /** Format: uuid */
            id: string;
            name: components["schemas"]["BilingualDto"];
        };
        PutAnswersDto: {
            /** @description { proposal: { key: value }, sides: { agencyId: { key: value } } }; may be incomplete */
            answers: {
                [key: string]: unknown;
            };
        };
        PutCallFormDto: {
            /** @description Checked whole; every problem is reported by its path */
            questions: {
                [key: string]: unknown;
            }[];
        };
        PutDocumentRequirementsDto: {
            requirements: components["schemas"]["DocumentRequirementInputDto"][];
        };
        QuestionChangeDto: {
            /** @enum {string} */
            change: "added" | "removed" | "changed";
            key: string;
        };
        RankedApplicationDto: {
            /** Format: uuid */
            applicationId: string;
            /** @description Mean per criterion, in the call's criteria order; null without scores */
            criterionMeans: number[] | null;
            /** @description Every criterion scored and none below its threshold */
            fundable: boolean;
            /** @description Assigned reviews not yet submitted */
            missingReviews: number;
            rank: number;
            /** @description Submitted reviews */
            reviewCount: number;
            /** @description Highest minus lowest weighted score of single complete reviews; null with fewer than two */
            spread: number | null;
            /** @description Criterion ids whose mean is below their threshold */
            thresholdFailures: string[];
            title: string;
            weightedMean: number | null;
        };
        ReceiptDto: {
            agency: components["schemas"]["AgencyBriefDto"];
            /**
             * Format: date-time
             * @description The server's time of the step, to the second
             */
            issuedAt: string;
            /**
             * @description submitted_to_office: the PI submitted the side to its institution's office; received_by_agency: the side reached its agency
             * @enum {string}
             */
            kind: "submitted_to_office" | "received_by_agency";
            /** @example JC-2027-000123 */
            number: string;
            /** @description The frozen submission it acknowledges (getApplicationSubmission); null for receipts issued before submissions were kept */
            submissionNumber: number | null;
        };
        RefreshTokenDto: {
            /** @description The refresh token from the last login or refresh; each is usable once. */
            refreshToken: string;
        };
        ReturnSideDto: {
            /** @description What the applicants must change */
            comment: string;
        };
        ReviewCriterionDto: {
            description: components["schemas"]["BilingualDto"];
            /** Format: uuid */
            id: string;
            name: components["schemas"]["BilingualDto"];
            scaleMax: number;
            scaleMin: number;
            /** @description Scores go up in this step from scaleMin (0.5: half points) */
            step: number;
            threshold: number | null;
            weight: number;
        };
        ReviewedMemberDto: {
            country: string | null;
            earlyCareer: boolean;
            name: string;
            role: string;
        };
        ReviewedSideDto: {
            agency: string;
            budgetCurrency: string | null;
            /** @description Integer minor units per project year */
            budgetPerYear: number[];
            institution: string | null;
        };
        ReviewerCandidateDto: {
            email: string;
            /** Format: uuid */
            id: string;
            /** @description In the call's pool for another agency (a reviewer reviews for one agency of a call) */
            inOtherPool: boolean;
            /** @description Already in the call's pool for your agency */
            inYourPool: boolean;
            name: string;
            organisation: string | null;
        };
        SaveReviewDto: {
            comment?: string;
            /**
             * @description Score per criterion id, within each criterion’s scale
             * @example {
             *       "5b0e6a1c-2d3f-4a5b-8c7d-9e0f1a2b3c4d": 4
             *     }
             */
            scores: {
                [key: string]: number;
            };
        };
        SideDecisionDto: {
            /** @description Funded amount, integer minor units */
            amount?: number | null;
            /**
             * @description ISO 4217
             * @example JPY
             */
            currency?: string | null;
            /**
             * @description yes: funded (co-funding lead: selected; co-funding partner: co-funds; twinning: linked)
             * @enum {string}
             */
            decision: "yes" | "no";
        };
        SideDto: {
            agency: components["schemas"]["AgencyBriefDto"];
            approvalRequired: boolean;
            budgetCurrency: string | null;
            budgetPerYear: number[];
            /** @description UTC, and in the agency’s zone */
            deadline: components["schemas"]["AgencyDeadlineDto"];
            existingGrantNumber: string | null;
            institution: components["schemas"]["InstitutionBriefDto"] | null;
            integrityChecks: components["schemas"]["IntegrityChecksDto"];
            pi: components["schemas"]["SidePiDto"];
            receiptNumber: string | null;
            /** @enum {string} */
            role: "lead" | "partner";
            /** @enum {string} */
            status: "draft" | "returned" | "pending_institution" | "submitted" | "eligible" | "ineligible" | "under_review" | "decided" | "withdrawn";
            /** Format: date-time */
            submittedAt: string | null;
        };
        SideOutcomeDto: {
            /** Format: uuid */
            agencyId: string;
            /** @description Funded amount, integer minor units */
            amount: number | null;
            currency: string | null;
            /**
             * @description The agency’s decision on its side, once shown to you
             * @enum {string|null}
             */
            decision: "yes" | "no" | null;
        };
        SidePiDto: {
            email: string | null;
            name: string | null;
            orcid: string | null;
            /** Format: uuid */
            userId: string | null;
        };
        SideSummaryDto: {
            agency: components["schemas"]["AgencyBriefDto"];
            deadline: components["schemas"]["SummaryDeadlineDto"];
            institution: components["schemas"]["InstitutionBriefDto"] | null;
            receiptNumber: string | null;
            /** @enum {string} */
            status: "draft" | "returned" | "pending_institution" | "submitted" | "eligible" | "ineligible" | "under_review" | "decided" | "withdrawn";
        };
        StatisticsScopeDto: {
            /** Format: uuid */
            institutionId: string | null;
            /** @enum {string} */
            kind: "call" | "institution";
        };
        SubmissionComparisonDto: {
            documents: components["schemas"]["DocumentChangeDto"][];
            fields: components["schemas"]["FieldChangeDto"][];
            from: number;
            to: number;
        };
        SubmissionDto: {
            /** @description Every document submitted, with its size and SHA-256 */
            documents: components["schemas"]["FrozenDocumentDto"][];
            /** @description 1 for the first submission, 2 for the next, ... */
            number: number;
            proposal: components["schemas"]["FrozenProposalDto"];
            /** Format: date-time */
            submittedAt: string;
            submittedBy: components["schemas"]["SubmitterDto"];
        };
        SubmissionHeadDto: {
            /** @description 1 for the first submission, 2 for the next, ... */
            number: number;
            /** Format: date-time */
            submittedAt: string;
            submittedBy: components["schemas"]["SubmitterDto"];
        };
        SubmissionProblemDto: {
            /**
             * Format: uuid
             * @description The side concerned
             */
            agencyId?: string;
            /** @description BUDGET_OVER_CAP: every cap the total exceeds */
            caps?: components["schemas"]["BudgetCapDto"][];
            /** @enum {string} */
            code: "WRONG_STATE" | "DEADLINE_PASSED" | "MISSING" | "NOT_A_CALL_FIELD" | "DURATION_OVER_TRACK" | "SIDES_MISMATCH" | "COUNTRY_NOT_ELIGIBLE" | "BUDGET_NOT_ALLOWED" | "BUDGET_YEARS_OVER_DURATION" | "BUDGET_OVER_CAP" | "EARLY_CAREER_MEMBER_MISSING" | "DOCUMENT_MISSING" | "DOCUMENT_OVER_PAGES" | "DOCUMENT_INFECTED" | "ANSWER_MISSING" | "ANSWER_INVALID" | "ANSWER_UNKNOWN";
            /**
             * @description Where, as a path into the application
             * @example sides[0].budgetPerYear
             */
            field: string;
            message: string;
        };
        SubmittedAnswersDto: {
            /** @description Only the answers to those questions: { proposal: {...}, sides: { agencyId: {...} } } */
            answers: {
                [key: string]: unknown;
            };
            formVersion: number | null;
            /** @description The questions whose answers the caller may read, in order */
            questions: {
                [key: string]: unknown;
            }[];
            /** @description The submission the answers come from */
            submissionNumber: number;
        };
        SubmitterDto: {
            /** Format: uuid */
            id: string;
            name: string;
        };
        SummaryDeadlineDto: {
            /**
             * @description The agency's zone
             * @example Asia/Tokyo
             */
            timeZone: string;
            /** Format: date-time */
            utc: string;
        };
        TimelineDto: {
            announcedAt: components["schemas"]["ZonedInstantDto"] | null;
            decisionAt: components["schemas"]["ZonedInstantDto"] | null;
            opensAt: components["schemas"]["ZonedInstantDto"];
            /** @example 2027-10-01 */
            projectStartOn: string | null;
            /** @description When the results reached the applicants: the lead agency's release, or the decision date once it has come, whichever was first. Null until then: applicants see no decision before. */
            resultsReleasedAt: components["schemas"]["ZonedInstantDto"] | null;
            reviewStartsAt: components["schemas"]["ZonedInstantDto"] | null;
        };
        TokenPairDto: {
            /** @description JWT for the Authorization header; valid 15 minutes. */
            accessToken: string;
            /** @example 900 */
            expiresIn: number;
            /** @description Opaque; exchange it once with refreshToken for a new pair. */
            refreshToken: string;
            /** Format: date-time */
            refreshTokenExpiresAt: string;
            /** @enum {string} */
            tokenType: "Bearer";
        };
        TrackDto: {
            code: string;
            earlyCareerRequired: boolean;
            /** Format: uuid */
            id: string;
            maxBudget: components["schemas"]["MoneyDto"] | null;
            maxDurationMonths: number;
            name: components["schemas"]["BilingualDto"];
        };
        TrackInputDto: {
            /** @example top */
            code: string;
            /** @description An early-career member is required on the team */
            earlyCareerRequired?: boolean;
            /** @description Maximum budget per side over the project; none in twinning */
            maxBudget?: components["schemas"]["MoneyDto"] | null;
            /** @example 60 */
            maxDurationMonths: number;
            nameEn: string;
            nameJa: string;
        };
        UncoveredApplicationDto: {
            /** Format: uuid */
            applicationId: string;
            /** @description Reviewers it has now */
            assigned: number;
        };
        UpcomingDeadlineDto: {
            agency: string;
            /** @description The institution’s sides for this agency. */
            applications: number;
            awaitingApproval: number;
            /** Format: uuid */
            callId: string;
            /** Format: date-time */
            deadline: string;
            /**
             * Format: date-time
             * @description The office’s own deadline for the call.
             */
            internalDeadline: string | null;
            timeZone: string;
            title: components["schemas"]["BilingualDto"];
        };
        UpdateApplicationDto: {
            abstract?: string;
            durationMonths?: number | null;
            /** @description A research field of the call */
            fieldCode?: string | null;
            keywords?: string[];
            title?: string;
            /** Format: uuid */
            trackId?: string;
        };
        UpdateCallDto: {
            /** @description Changes to agencies' own entries; each needs an officer of that agency */
            agencies?: components["schemas"]["CallAgencyPatchDto"][];
            /** @description Pre-announcement: ISO 8601 with an offset (2027-03-31T15:00:00Z), or local time (2027-03-31T17:00) in the time zone (lead agency's zone) */
            announcedAt?: string | null;
            criteria?: components["schemas"]["CriterionInputDto"][];
            /** @description Decision: ISO 8601 with an offset (2027-03-31T15:00:00Z), or local time (2027-03-31T17:00) in the time zone (lead agency's zone) */
            decisionAt?: string | null;
            /**
             * @description ISO 3166-1 alpha-2 codes of eligible partner countries
             * @example [
             *       "US",
             *       "FR"
             *     ]
             */
            eligibleCountries?: string[];
            /**
             * @description Codes of the research-field vocabulary
             * @example [
             *       "quantum",
             *       "ai_information"
             *     ]
             */
            fields?: string[];
            /** @enum {string} */
            mode?: "joint_call" | "co_funding" | "twinning";
            /** @description Opening: ISO 8601 with an offset (2027-03-31T15:00:00Z), or local time (2027-03-31T17:00) in the time zone (lead agency's zone) */
            opensAt?: string;
            /**
             * Format: date
             * @description YYYY-MM-DD
             * @example 2027-10-01
             */
            projectStartOn?: string | null;
            /** @description Review start: ISO 8601 with an offset (2027-03-31T15:00:00Z), or local time (2027-03-31T17:00) in the time zone (lead agency's zone) */
            reviewStartsAt?: string | null;
            summaryEn?: string;
            summaryJa?: string;
            titleEn?: string;
            titleJa?: string;
            tracks?: components["schemas"]["TrackInputDto"][];
        };
        UpdateMeDto: {
            /** @enum {string} */
            language?: "en" | "ja";
            name?: string;
            /**
             * @description ORCID iD; null removes it
             * @example 0000-0002-1825-0097
             */
            orcid?: string | null;
            /** @description IANA time zone for showing deadlines; null follows the organisation */
            timeZone?: string | null;
        };
        UpdateNotificationPreferencesDto: {
            /** @description Only the kinds given change. */
            email: components["schemas"]["EmailChoicesDto"];
        };
        UpdateOrganisationDto: {
            /**
             * @description ISO 3166-1 alpha-2
             * @example JP
             */
            country?: string;
            /**
             * @description Open Funder Registry DOI
             * @example 10.13039/501100002241
             */
            funderId?: string | null;
            /** @enum {string} */
            kind?: "funding_agency" | "institution";
            /** @example Japan Science and Technology Agency */
            nameEn?: string;
            /** @example 科学技術振興機構 */
            nameJa?: string;
            /**
             * @description ROR ID (bare or https://ror.org/ URL)
             * @example 057zh3y96
             */
            rorId?: string | null;
            /** @example JST */
            shortName?: string;
            /**
             * @description IANA time zone
             * @example Asia/Tokyo
             */
            timeZone?: string;
        };
        UpdateProgramDto: {
            /** @example ASPIRE */
            code?: string;
            descriptionEn?: string;
            descriptionJa?: string;
            nameEn?: string;
            nameJa?: string;
        };
        UpdateSideDto: {
            /** @example JPY */
            budgetCurrency?: string | null;
            /** @description Requested budget per project year, integer minor units */
            budgetPerYear?: number[];
            /** @description Twinning: grant number of the funded project */
            existingGrantNumber?: string | null;
            /** Format: uuid */
            institutionId?: string | null;
            piEmail?: string | null;
            /** @description An invited PI without an account */
            piName?: string | null;
            piOrcid?: string | null;
            /**
             * Format: uuid
             * @description The side's PI, when they have an account
             */
            piUserId?: string | null;
        };
        UpdateUserDto: {
            /** @description true disables sign-in and ends every session */
            disabled?: boolean;
            /** @example researcher@u-tokyo.ac.jp */
            email?: string;
            /** @enum {string} */
            language?: "en" | "ja";
            name?: string;
            /**
             * @description ORCID iD; null removes it
             * @example 0000-0002-1825-0097
             */
            orcid?: string | null;
            /**
             * Format: uuid
             * @description Home organisation
             */
            organisationId?: string | null;
            roles?: ("researcher" | "institution_admin" | "program_officer" | "reviewer" | "admin")[];
            /** @description IANA time zone for showing deadlines; null follows the organisation */
            timeZone?: string | null;
        };
        UploadedDocumentDto: {
            version: components["schemas"]["DocumentVersionDto"];
            warnings: components["schemas"]["DocumentWarningDto"][];
        };
        UploaderDto: {
            /** Format: uuid */
            id: string;
            name: string;
        };
        UserDto: {
            disabled: boolean;
            email: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            language: "en" | "ja";
            name: string;
            orcid: string | null;
            organisation: components["schemas"]["UserOrganisationDto"] | null;
            roles: ("researcher" | "institution_admin" | "program_officer" | "reviewer" | "admin")[];
            /** @description Own time zone; null follows the organisation */
            timeZone: string | null;
            version: number;
        };
        UserOrganisationDto: {
            /** Format: uuid */
            id: string;
            name: components["schemas"]["BilingualDto"];
            shortName: string;
            timeZone: string;
        };
        UserPageDto: {
            items: components["schemas"]["UserDto"][];
            nextCursor: string | null;
        };
        ZonedInstantDto: {
            /**
             * @description In timeZone
             * @example 2027-03-31T17:00:00+02:00
             */
            local: string;
            /** @example Europe/Paris */
            timeZone: string;
            /**
             * Format: date-time
             * @example 2027-03-31T15:00:00Z
             */
            utc: string;
            /**
             * @description In viewerTimeZone
             * @example 2027-04-01T00:00:00+09:00
             */
            viewer?: string;
            /**
             * @description The zone the viewer asked for, or theirs
             * @example Asia/Tokyo
             */
            viewerTimeZone?: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listApplications: {
        parameters: {
            query?: {
                callId?: string;
                /** @description The nextCursor of the previous page. */
                cursor?: string;
                /** @description An agency deadline of the call at or after this instant */
                deadlineFrom?: string;
                /** @description An agency deadline of the call before this instant */
                deadlineTo?: string;
                field?: string;
                limit?: number;
                status?: "draft" | "returned" | "pending_institution" | "submitted" | "eligible" | "ineligible" | "under_review" | "decided" | "withdrawn";
                /** @description mine (default): your team; office: your institution; agency: your agency */
                view?: "mine" | "office" | "agency";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationPageDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    createApplication: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApplicationDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: needs the role researcher. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CALL_NOT_OPEN */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getApplication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND, also for applications you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateApplication: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version you read, such as "3" (or * to overwrite any version). */
                "If-Match": string;
                /** @description return=minimal: answer only the id and the new version (as autosave needs), not the whole application */
                Prefer?: "return=minimal" | "return=representation";
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateApplicationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationDto"] | components["schemas"]["ApplicationVersionDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_AN_EDITOR: only the PI and co-PIs edit */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND, also for applications you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VERSION_MISMATCH: changed since you read it; the body has currentVersion. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_EDITABLE: submitted; reopen it first */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description PRECONDITION_REQUIRED: send If-Match. */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getApplicationAnswers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With an ETag for If-Match. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationAnswersDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND, also for applications whose team you are not on */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    putApplicationAnswers: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version you read, such as "3" (or * to overwrite any version). */
                "If-Match": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutAnswersDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationAnswersDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_AN_EDITOR: only the PI and co-PIs answer the form */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND, also for applications you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VERSION_MISMATCH: changed since you read it; the body has currentVersion. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_EDITABLE: submitted; reopen it first. NO_FORM: the call asks no questions of its own */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description PRECONDITION_REQUIRED: send If-Match. */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    assignReviewer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignReviewerDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssignmentCreatedDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: needs the role program_officer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description DEADLINE_NOT_PASSED (the agency's review has not opened: agencyId, reviewOpensAt), NOT_ELIGIBLE, WRONG_STATE (decided or withdrawn), CONFLICT_OF_INTEREST */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    checkApplication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationCheckDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_AN_EDITOR: a team member who does not edit the application */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND, also for applications you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    declareConflict: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeclareConflictDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictDeclaredDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: needs the role reviewer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listApplicationDocuments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationDocumentsDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND, also for applications whose team you are not on */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    removeApplicationDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                documentId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_EDITABLE: submitted; reopen it first */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listDocumentVersions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                documentId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentVersionDto"][];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    uploadApplicationDocument: {
        parameters: {
            query?: {
                /** @description The side, for a document the call asks of each side */
                agencyId?: string;
            };
            header?: never;
            path: {
                id: string;
                requirementId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UploadedDocumentDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND: no such application or requirement, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FILE_TOO_LARGE: over the requirement’s maxBytes (nothing is kept) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FILE_TYPE_NOT_ACCEPTED (judged by content, not name), NOT_MULTIPART */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description PDF_ENCRYPTED, PDF_CORRUPT, PDF_TRUNCATED, PDF_TOO_COMPLEX, NOT_EDITABLE */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listApplicationEvents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationEventDto"][];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    inviteApplicationMember: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version you read, such as "3" (or * to overwrite any version). */
                "If-Match": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InviteMemberDto"];
            };
        };
        responses: {
            /** @description The application; the new member has a userId when the address had an account */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationDto"];
                };
            };
            /** @description VALIDATION_FAILED: no e-mail address, or the role pi */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_AN_EDITOR: only the PI and co-PIs change the team */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND, also for applications you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VERSION_MISMATCH: changed since you read it; the body has currentVersion. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_EDITABLE: only a draft or a returned application changes */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description PRECONDITION_REQUIRED: send If-Match. */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description RATE_LIMITED: too many requests of this kind (personLookup) by you; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    addApplicationMember: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version you read, such as "3" (or * to overwrite any version). */
                "If-Match": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MemberInputDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_AN_EDITOR: only the PI and co-PIs edit */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND, also for applications you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VERSION_MISMATCH: changed since you read it; the body has currentVersion. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_EDITABLE: submitted; reopen it first. ONE_PI: the application has its PI */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description PRECONDITION_REQUIRED: send If-Match. */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    removeApplicationMember: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version you read, such as "3" (or * to overwrite any version). */
                "If-Match": string;
            };
            path: {
                id: string;
                memberId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_AN_EDITOR: only the PI and co-PIs edit */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND, also for applications you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VERSION_MISMATCH: changed since you read it; the body has currentVersion. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_EDITABLE: submitted; reopen it first. ONE_PI: the PI cannot be removed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description PRECONDITION_REQUIRED: send If-Match. */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateApplicationMember: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version you read, such as "3" (or * to overwrite any version). */
                "If-Match": string;
            };
            path: {
                id: string;
                memberId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MemberInputDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_AN_EDITOR: only the PI and co-PIs edit */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND, also for applications you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VERSION_MISMATCH: changed since you read it; the body has currentVersion. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_EDITABLE: submitted; reopen it first. ONE_PI: the PI stays the PI */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description PRECONDITION_REQUIRED: send If-Match. */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getApplicationOutcome: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationOutcomeDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    reopenApplication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listApplicationReviews: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationReviewDto"][];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: needs the role program_officer or reviewer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description SUBMIT_YOUR_REVIEW_FIRST (reviewers) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateApplicationSide: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version you read, such as "3" (or * to overwrite any version). */
                "If-Match": string;
            };
            path: {
                agencyId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateSideDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_AN_EDITOR: only the PI and co-PIs edit */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND, also for applications you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VERSION_MISMATCH: changed since you read it; the body has currentVersion. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_EDITABLE: submitted; reopen it first */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description PRECONDITION_REQUIRED: send If-Match. */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    approveApplicationSide: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retry safely: the same key and body give the same answer. */
                "Idempotency-Key"?: string;
            };
            path: {
                agencyId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApproveSideDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: needs the role institution_admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description IDEMPOTENCY_KEY_IN_FLIGHT: the first request with this key is still running. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description INTEGRITY_CHECKS_MISSING, DEADLINE_PASSED, WRONG_STATE
             *
             *     IDEMPOTENCY_KEY_REUSED: the key was used for another request.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    recordSideDecision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agencyId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SideDecisionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationOutcomeDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: needs the role program_officer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description DEADLINE_NOT_PASSED (the agency's review has not opened: agencyId, reviewOpensAt), REVIEW_NOT_STARTED (no reviewers yet; in co-funding and twinning a partner waits for the lead's review), WRONG_STATE */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    recordEligibility: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agencyId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EligibilityDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EligibilityResultDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: needs the role program_officer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description DEADLINE_NOT_PASSED (the agency's review has not opened: agencyId, reviewOpensAt), WRONG_STATE (not submitted, or already under review) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    returnApplicationSide: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retry safely: the same key and body give the same answer. */
                "Idempotency-Key"?: string;
            };
            path: {
                agencyId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReturnSideDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: needs the role institution_admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description IDEMPOTENCY_KEY_IN_FLIGHT: the first request with this key is still running. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description IDEMPOTENCY_KEY_REUSED: the key was used for another request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listApplicationSubmissions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubmissionHeadDto"][];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND, also for applications you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getApplicationSubmission: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                /** @description The submission number, or `latest` */
                number: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubmissionDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND: no such submission, or not one you may read */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    compareApplicationSubmissions: {
        parameters: {
            query: {
                from: number;
                to: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubmissionComparisonDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND: either submission is not one you may read */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    submitApplication: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retry safely: the same key and body give the same answer. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description IDEMPOTENCY_KEY_IN_FLIGHT: the first request with this key is still running. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description WRONG_STATE, DEADLINE_PASSED or SUBMISSION_INCOMPLETE, with every problem in `errors` as checkApplication answers them
             *
             *     IDEMPOTENCY_KEY_REUSED: the key was used for another request.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getSubmittedAnswers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubmittedAnswersDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND, also for applications whose submission you may not read */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    withdrawApplication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    exportApplicationsCsv: {
        parameters: {
            query?: {
                /** @description One call's applications, with a column per question of its form */
                callId?: string;
                field?: string;
                /** @description The language of the headers (and of answers such as Yes/No); yours when absent */
                lang?: "en" | "ja";
                status?: "draft" | "returned" | "pending_institution" | "submitted" | "eligible" | "ineligible" | "under_review" | "decided" | "withdrawn";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description text/csv */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: needs the role institution_admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND: callId names a call you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description RATE_LIMITED: too many requests of this kind (exports) by you; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    unassignReviewer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: needs the role program_officer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    acceptAssignment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcceptAssignmentDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyAssignmentDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: needs the role reviewer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description DEADLINE_NOT_PASSED (the agency's review has not opened: agencyId, reviewOpensAt), WRONG_STATE (accepted or declined already, or the side is no longer under review) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getAssignedApplication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The application and your review */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssignedApplicationDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: needs the role reviewer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    declineAssignment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeclineAssignmentDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyAssignmentDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: needs the role reviewer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    remindReviewer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssignmentProgressDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: needs the role program_officer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND (also another agency's assignment) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description REVIEW_SUBMITTED, ASSIGNMENT_DECLINED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description REMINDER_TOO_SOON (reminded within the hour; see Retry-After and lastRemindedAt) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    saveReview: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version you read, such as "3" (or * to overwrite any version). */
                "If-Match": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SaveReviewDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssignedApplicationDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: needs the role reviewer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VERSION_MISMATCH: changed since you read it; the body has currentVersion. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description DEADLINE_NOT_PASSED (the agency's review has not opened: agencyId, reviewOpensAt), WRONG_STATE (not accepted, or the side is no longer under review), REVIEW_SUBMITTED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description PRECONDITION_REQUIRED: send If-Match. */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    submitReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssignedApplicationDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: needs the role reviewer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description REVIEW_INCOMPLETE lists the criteria without a score; DEADLINE_NOT_PASSED (the agency's review has not opened: agencyId, reviewOpensAt), WRONG_STATE, REVIEW_SUBMITTED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    signInBrowser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BrowserSessionDto"];
                };
            };
            /** @description INVALID_CREDENTIALS */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FOREIGN_ORIGIN: the request does not come from these pages. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description TOO_MANY_FAILED_LOGINS; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    signOutBrowser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out (also when already signed out). */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FOREIGN_ORIGIN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    refreshBrowserSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BrowserSessionDto"];
                };
            };
            /** @description INVALID_REFRESH_TOKEN: no cookie, or one that is expired, revoked or used. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FOREIGN_ORIGIN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPairDto"];
                };
            };
            /** @description INVALID_CREDENTIALS: the same answer for an unknown e-mail and a wrong password. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description TOO_MANY_FAILED_LOGINS: 100 failures in an hour for the account (or 500 for the address); see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    refreshToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshTokenDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPairDto"];
                };
            };
            /** @description INVALID_REFRESH_TOKEN */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getMyCalendar: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description text/calendar */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND: unknown or rotated token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listCalls: {
        parameters: {
            query?: {
                /** @description A participating agency */
                agencyId?: string;
                /** @description The nextCursor of the previous page. */
                cursor?: string;
                /** @description Some deadline at or after this instant */
                deadlineFrom?: string;
                /** @description Some deadline before this instant */
                deadlineTo?: string;
                /** @description Research-field code */
                field?: string;
                limit?: number;
                mode?: "joint_call" | "co_funding" | "twinning";
                /** @description ISO 3166-1 alpha-2: a partner agency there, or partner institutions eligible from there */
                partnerCountry?: string;
                /** @description Words of the title or summary, in Japanese or English, or the program code */
                q?: string;
                status?: "draft" | "announced" | "open" | "closed" | "in_review" | "decided" | "cancelled";
                /** @description Show times in this IANA zone */
                tz?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallPageDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    createCall: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCallDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: needs the role program_officer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getCall: {
        parameters: {
            query?: {
                /** @description Show times in this IANA zone (default: your profile, then your organisation, then UTC) */
                tz?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND (also a draft of an agency you are not an officer of) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateCall: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version you read, such as "3" (or * to overwrite any version). */
                "If-Match": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCallDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: needs the role program_officer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description VERSION_MISMATCH: changed since you read it; the body has currentVersion.
             *
             *     VERSION_MISMATCH: changed since you read it; the body has currentVersion
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description PRECONDITION_REQUIRED: send If-Match. */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    exportCallApplicationsCsv: {
        parameters: {
            query?: {
                /** @description The language of the headers (and of answers such as Yes/No); yours when absent */
                lang?: "en" | "ja";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description text/csv */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: needs the role program_officer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND: not a call your agency takes part in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description RATE_LIMITED: too many requests of this kind (exports) by you; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listCallAssignments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssignmentProgressDto"][];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: needs the role program_officer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND (a call your agency does not take part in) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    autoAssignReviewers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AutoAssignDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AutoAssignReportDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: needs the role program_officer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description DEADLINE_NOT_PASSED (the agency's review has not opened: agencyId, reviewOpensAt) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description RATE_LIMITED: too many requests of this kind (autoAssign) by you; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getCallCalendar: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description text/calendar */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    cancelCall: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version you read, such as "3" (or * to overwrite any version); without it the change is unconditional. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CancelCallDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: needs the role program_officer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VERSION_MISMATCH: changed since you read it; the body has currentVersion. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listDocumentRequirements: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentRequirementDto"][];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND, also for calls you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    putDocumentRequirements: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutDocumentRequirementsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentRequirementDto"][];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: needs the role program_officer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND: not a call your agency leads */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getCallForm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallFormDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND, also for calls you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    putCallForm: {
        parameters: {
            query?: {
                /** @description Make a new version on purpose (required once the call is open) */
                newVersion?: boolean;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutCallFormDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallFormDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: needs the role program_officer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND: not a call your agency leads */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORM_FROZEN: the call is open; send newVersion=true to make a new version */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    setInstitutionDeadline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InstitutionDeadlineDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstitutionDeadlineResultDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: needs the role institution_admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    publishCall: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version you read, such as "3" (or * to overwrite any version); without it the change is unconditional. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: needs the role program_officer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VERSION_MISMATCH: changed since you read it; the body has currentVersion. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getCallRanking: {
        parameters: {
            query?: {
                trackId?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallRankingDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: needs the role program_officer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    releaseCallResults: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version you read, such as "3" (or * to overwrite any version); without it the change is unconditional. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The call, its timeline showing resultsReleasedAt */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description LEAD_AGENCY_ONLY
             *
             *     FORBIDDEN: needs the role program_officer.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND (also a draft of an agency you are not an officer of) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VERSION_MISMATCH: changed since you read it; the body has currentVersion. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description REVIEW_NOT_STARTED (a deadline or the review date is still ahead), DECISIONS_PENDING (the detail names the agencies and how many sides each has to decide), NOTHING_DECIDED, RESULTS_ALREADY_RELEASED (by an earlier release or the decision date), CALL_CANCELLED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    findReviewerCandidates: {
        parameters: {
            query?: {
                /** @description Part of the name or e-mail */
                q?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewerCandidateDto"][];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: needs the role program_officer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listCallReviewers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallReviewerDto"][];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: needs the role program_officer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    addCallReviewer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddCallReviewerDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallReviewerDto"][];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: needs the role program_officer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getCallStatistics: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallStatisticsDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: needs the role program_officer or institution_admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND: no such call, or not one of your agency’s (offices: not visible) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    exportCallStatisticsCsv: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description text/csv */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: needs the role program_officer or institution_admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description RATE_LIMITED: too many requests of this kind (exports) by you; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    watchCall: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: needs the role researcher or institution_admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    unwatchCall: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: needs the role researcher or institution_admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getAgencyDashboard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgencyDashboardDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: needs the role program_officer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getInstitutionDashboard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstitutionDashboardDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: needs the role institution_admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getDocumentVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentVersionDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND, also for versions you may not read */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    downloadDocumentVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The bytes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND, also for versions you may not read */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description DOCUMENT_INFECTED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getLiveness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Alive. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not ready (SERVICE_UNAVAILABLE); Retry-After is set. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The secret token from the invitation e-mail */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationDto"];
                };
            };
            /** @description NOT_FOUND: no such invitation, or what it invited to is gone (the member was removed or their address changed) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    acceptInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The secret token from the invitation e-mail */
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcceptInvitationDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcceptedInvitationDto"];
                };
            };
            /** @description VALIDATION_FAILED: a password shorter than 12 characters, say */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND: no such invitation, or what it invited to is gone (the member was removed or their address changed) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description INVITATION_ACCEPTED: the token was used already; UNIQUE_VIOLATION: the address got an account meanwhile */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description INVITATION_EXPIRED: 14 days have passed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    retryJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued again. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: needs the role admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND: no failed job with this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listFailedJobs: {
        parameters: {
            query?: {
                /** @description The nextCursor of the previous page. */
                cursor?: string;
                limit?: number;
                /** @description Only this queue, for example notifications.email. */
                queue?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FailedJobPageDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: needs the role admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateMe: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version you read, such as "3" (or * to overwrite any version). */
                "If-Match": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateMeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description VERSION_MISMATCH: changed since you read it; the body has currentVersion.
             *
             *     VERSION_MISMATCH: changed since you read it; the body has currentVersion
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description PRECONDITION_REQUIRED: send If-Match. */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listMyAssignments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyAssignmentDto"][];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: needs the role reviewer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    rotateCalendarToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarTokenDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listNotifications: {
        parameters: {
            query?: {
                /** @description The nextCursor of the previous page. */
                cursor?: string;
                limit?: number;
                /** @description Only notices not read yet. */
                unread?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPageDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    markNotificationRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND: no such notice of yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getNotificationPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPreferencesDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateNotificationPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateNotificationPreferencesDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPreferencesDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    markAllNotificationsRead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MarkedReadDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listOrganizations: {
        parameters: {
            query?: {
                country?: string;
                /** @description The nextCursor of the previous page. */
                cursor?: string;
                kind?: "funding_agency" | "institution";
                limit?: number;
                /** @description Part of a name or short name, in English or Japanese */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationPageDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    createOrganization: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateOrganisationDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: needs the role admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getOrganization: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With an ETag for If-Match. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateOrganization: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version you read, such as "3" (or * to overwrite any version). */
                "If-Match": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateOrganisationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: needs the role admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description VERSION_MISMATCH: changed since you read it; the body has currentVersion.
             *
             *     VERSION_MISMATCH: changed since you read it; the body has currentVersion
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description PRECONDITION_REQUIRED: send If-Match. */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    findPerson: {
        parameters: {
            query?: {
                /** @description The whole e-mail address, in any case */
                email?: string;
                /** @description An ORCID iD, bare or as its URL */
                orcid?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonDto"];
                };
            };
            /** @description VALIDATION_FAILED: neither or both of email and orcid, an invalid address, or an ORCID iD whose check character is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: needs the role researcher. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND: no active account has it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description RATE_LIMITED: too many requests of this kind (personLookup) by you; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listPrograms: {
        parameters: {
            query?: {
                agencyId?: string;
                /** @description The nextCursor of the previous page. */
                cursor?: string;
                limit?: number;
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgramPageDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    createProgram: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateProgramDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgramDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: needs the role program_officer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getProgram: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgramDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateProgram: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version you read, such as "3" (or * to overwrite any version). */
                "If-Match": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateProgramDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgramDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: needs the role program_officer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description VERSION_MISMATCH: changed since you read it; the body has currentVersion.
             *
             *     VERSION_MISMATCH: changed since you read it; the body has currentVersion
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description PRECONDITION_REQUIRED: send If-Match. */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listUsers: {
        parameters: {
            query?: {
                /** @description The nextCursor of the previous page. */
                cursor?: string;
                limit?: number;
                organisationId?: string;
                /** @description Part of the name or e-mail */
                q?: string;
                role?: "researcher" | "institution_admin" | "program_officer" | "reviewer" | "admin";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPageDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: needs the role admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: needs the role admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNIQUE_VIOLATION: the e-mail address or ORCID iD is taken */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: needs the role admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version you read, such as "3" (or * to overwrite any version). */
                "If-Match": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description UNAUTHENTICATED: no valid access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: needs the role admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description VERSION_MISMATCH: changed since you read it; the body has currentVersion.
             *
             *     VERSION_MISMATCH: changed since you read it; the body has currentVersion
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description OWN_ADMIN_ROLE: you cannot remove your own admin role; OWN_ACCOUNT_DISABLED: you cannot disable your own account */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description PRECONDITION_REQUIRED: send If-Match. */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
