/**
 * C8 identity: staff, departments (a tree), skill groups, roles with permissions and data scopes, API tokens,
 * sign-in and lockout. Other modules see the signed-in {@link io.kefu.identity.StaffPrincipal}, the
 * {@link io.kefu.identity.Permission}s and {@link io.kefu.identity.DataScope}, and ask {@link io.kefu.identity.StaffDirectory}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package io.kefu.identity;
